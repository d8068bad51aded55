using System.Text.Json.Nodes;
using SmartCity.Twin.Simulation.Messages;
using SmartCity.Twin.Simulation.Province;

namespace SmartCity.Twin.Simulation.Signals;

/// <summary>
/// A fire-alarm panel in a public building: reports <c>normal</c> when it comes online, then every minute the indoor
/// temperature (26–32 °C, warmest in the afternoon) and the smoke detectors' obscuration (%/m; dust and cooking keep it
/// a little above zero). Fires come from scenarios.
/// </summary>
internal sealed class FirePanelSignal : DeviceSignal
{
    private readonly double warmth;
    private DateTimeOffset next;

    public FirePanelSignal(SimulatedDevice device, SignalContext context, DeviceFault? fault)
        : base(device, context, fault)
    {
        warmth = Random.Gaussian(0, 0.7);
    }

    protected override string Model => "FACP-2000";

    protected override TimeSpan ReportingInterval => TimeSpan.FromSeconds(60);

    /// <summary>Indoor temperature without noise: the outdoor season damped by the building, plus the afternoon's heat.</summary>
    public static double Temperature(DateTimeOffset at, bool northern) =>
        29 + (0.25 * (Season.Temperature(at, northern) - 25)) + (1.8 * DailyShape.Cycle(ProvinceTime.HourOfDay(at), 15.5));

    protected override DateTimeOffset Begin(DateTimeOffset at, List<DeviceMessage> output)
    {
        Send(at, new JsonObject { ["type"] = "normal" }, output);
        Report(at, Readings(at), output);
        next = FirstReportAfter(at);
        return next;
    }

    protected override DateTimeOffset Continue(DateTimeOffset at, List<DeviceMessage> output)
    {
        Report(at, Readings(at), output);
        next += ReportingInterval;
        return next;
    }

    private Dictionary<string, double> Readings(DateTimeOffset at) => new(2, StringComparer.Ordinal)
    {
        ["temperature"] = Math.Round(Temperature(at, Northern) + warmth + Random.Gaussian(0, 0.15), 1),
        ["smoke"] = Math.Round(Math.Clamp(0.06 + Math.Abs(Random.Gaussian(0, 0.04)), 0, 0.5), 3),
    };
}
