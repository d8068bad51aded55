using System.Text.Json.Nodes;
using SmartCity.Twin.Simulation.Messages;
using SmartCity.Twin.Simulation.Province;

namespace SmartCity.Twin.Simulation.Signals;

/// <summary>
/// A signalised intersection: every 30 s the vehicles counted on each approach, the queue, the mean speed and red-light
/// violations, all following <see cref="TrafficModel"/>; and a phase event each time the controller switches between
/// north–south and east–west green (a fixed-time plan of its own), or to flashing yellow for the night (23:00–05:00).
/// </summary>
internal sealed class IntersectionSignal : DeviceSignal
{
    public const string NorthSouthGreen = "NS-green";
    public const string EastWestGreen = "EW-green";
    public const string FlashingYellow = "flashing-yellow";

    private const double NightFrom = 23;
    private const double NightUntil = 5;

    // One string per approach for the whole run: a reading every 30 s per intersection must not format new ones.
    private static readonly string[] ApproachMetrics =
        ["approach.north.vehicles", "approach.south.vehicles", "approach.east.vehicles", "approach.west.vehicles"];

    private readonly double size;
    private readonly double[] approachShares;
    private readonly TimeSpan northSouthGreen;
    private readonly TimeSpan eastWestGreen;
    private DateTimeOffset nextReport;
    private DateTimeOffset nextPhase;
    private string phase = NorthSouthGreen;

    public IntersectionSignal(SimulatedDevice device, SignalContext context, DeviceFault? fault)
        : base(device, context, fault)
    {
        size = (InCity ? 1.0 : 0.45) * Random.Between(0.7, 1.3);
        var main = Random.Between(0.27, 0.35);
        approachShares = [main, main * Random.Between(0.85, 1.15), 0, 0];
        approachShares[2] = (1 - approachShares[0] - approachShares[1]) / 2;
        approachShares[3] = approachShares[2];
        northSouthGreen = TimeSpan.FromSeconds(Random.Next(35, 61));
        eastWestGreen = TimeSpan.FromSeconds(Random.Next(25, 46));
    }

    protected override string Model => "ATC-Signal-3";

    protected override TimeSpan ReportingInterval => TimeSpan.FromSeconds(30);

    /// <summary>Whether the controller runs its night plan (flashing yellow) at <paramref name="at"/>.</summary>
    public static bool IsNight(DateTimeOffset at)
    {
        var hour = ProvinceTime.HourOfDay(at);
        return hour >= NightFrom || hour < NightUntil;
    }

    protected override DateTimeOffset Begin(DateTimeOffset at, List<DeviceMessage> output)
    {
        phase = IsNight(at) ? FlashingYellow : Random.Next(2) == 0 ? NorthSouthGreen : EastWestGreen;
        SendPhase(at, output);
        Report(at, Readings(at), output);
        nextReport = FirstReportAfter(at);
        nextPhase = NextPhaseChange(at, partly: true);
        return Min(nextReport, nextPhase);
    }

    protected override DateTimeOffset Continue(DateTimeOffset at, List<DeviceMessage> output)
    {
        if (at >= nextPhase)
        {
            phase = IsNight(at) ? FlashingYellow : phase == NorthSouthGreen ? EastWestGreen : NorthSouthGreen;
            SendPhase(at, output);
            nextPhase = NextPhaseChange(at, partly: false);
        }

        if (at >= nextReport)
        {
            Report(at, Readings(at), output);
            nextReport += ReportingInterval;
        }

        return Min(nextReport, nextPhase);
    }

    private void SendPhase(DateTimeOffset at, List<DeviceMessage> output) =>
        Send(at, new JsonObject { ["type"] = "phase", ["phase"] = phase }, output);

    private DateTimeOffset NextPhaseChange(DateTimeOffset at, bool partly)
    {
        if (phase == FlashingYellow)
        {
            // Wakes at 05:00 to start the day plan.
            var morning = ProvinceTime.Midnight(at).AddHours(NightUntil);
            return morning > at ? morning : morning.AddDays(1);
        }

        var green = phase == NorthSouthGreen ? northSouthGreen : eastWestGreen;
        var change = at + (partly ? TimeSpan.FromTicks(1 + (long)(Random.NextDouble() * green.Ticks)) : green);

        // The night plan starts on the hour, not at the end of whichever cycle is running.
        var night = ProvinceTime.Midnight(at).AddHours(NightFrom);
        return at < night && change > night ? night : change;
    }

    private Dictionary<string, double> Readings(DateTimeOffset at)
    {
        var traffic = TrafficModel.Level(at);

        // Vehicles through the junction per 30 s: a few at night, over a hundred in the city's evening rush.
        var meanTotal = size * (3 + (110 * traffic));
        var values = new Dictionary<string, double>(8, StringComparer.Ordinal);
        for (var i = 0; i < ApproachMetrics.Length; i++)
        {
            values[ApproachMetrics[i]] = Random.Poisson(meanTotal * approachShares[i]);
        }

        // Queues build faster than traffic grows once the junction nears saturation.
        var saturation = Math.Min(1.2, size * traffic);
        values["queue_length"] = Random.Poisson(1 + (45 * saturation * saturation));
        values["speed"] = Math.Round(Math.Max(4, 48 - (34 * saturation) + Random.Gaussian(0, 3)), 1);
        values["violations"] = Random.Poisson(0.05 + (0.6 * traffic * size));
        return values;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
