using System.Globalization;
using System.Text.Json.Nodes;
using SmartCity.Twin.Simulation.Messages;
using SmartCity.Twin.Simulation.Province;

namespace SmartCity.Twin.Simulation.Signals;

/// <summary>
/// A camera with on-board analytics: events as a Poisson process whose rate follows <see cref="CameraActivityModel"/>
/// (mostly <c>motion</c>, some <c>person-present</c>; at intersections also <c>plate-read</c> and the odd
/// <c>violation</c>), and every five minutes a heartbeat with its people count, as analytics boxes do.
/// </summary>
internal sealed class CameraSignal : DeviceSignal
{
    // The rate is re-read at least this often, so a school's bell is heard within minutes.
    private static readonly TimeSpan RateStep = TimeSpan.FromMinutes(5);

    private readonly string[] zones;
    private DateTimeOffset nextHeartbeat;
    private DateTimeOffset nextLook;
    private bool eventDue;

    public CameraSignal(SimulatedDevice device, SignalContext context, DeviceFault? fault)
        : base(device, context, fault)
    {
        zones = device.SiteKind switch
        {
            SiteKind.School => ["gate", "yard", "corridor"],
            SiteKind.Hospital => ["entrance", "emergency", "lobby", "parking"],
            SiteKind.Office => ["entrance", "lobby", "counters"],
            SiteKind.Intersection => ["stop-line", "crosswalk"],
            _ => ["entrance", "street"],
        };
    }

    protected override string Model => "IPC-AI-4MP";

    protected override TimeSpan ReportingInterval => TimeSpan.FromMinutes(5);

    protected override DateTimeOffset Begin(DateTimeOffset at, List<DeviceMessage> output)
    {
        Heartbeat(at, output);
        nextHeartbeat = FirstReportAfter(at);
        Look(at);
        return Min(nextHeartbeat, nextLook);
    }

    protected override DateTimeOffset Continue(DateTimeOffset at, List<DeviceMessage> output)
    {
        if (at >= nextLook)
        {
            if (eventDue)
            {
                Send(at, Analytics(), output);
            }

            Look(at);
        }

        if (at >= nextHeartbeat)
        {
            Heartbeat(at, output);
            nextHeartbeat += ReportingInterval;
        }

        return Min(nextHeartbeat, nextLook);
    }

    /// <summary>
    /// Draws the next event at the rate of now; if it falls beyond <see cref="RateStep"/> it is not kept (the process is
    /// memoryless), and the rate is read again then: a Poisson process with a piecewise-constant rate.
    /// </summary>
    private void Look(DateTimeOffset at)
    {
        var rate = CameraActivityModel.EventsPerHour(Device.SiteKind, at);
        var wait = rate > 0 ? Random.Exponential(rate) : TimeSpan.MaxValue;
        eventDue = wait <= RateStep;
        nextLook = at + (eventDue ? (wait > TimeSpan.Zero ? wait : TimeSpan.FromTicks(1)) : RateStep);
    }

    private void Heartbeat(DateTimeOffset at, List<DeviceMessage> output)
    {
        var people = Random.Poisson(CameraActivityModel.EventsPerHour(Device.SiteKind, at) / 4);
        Report(at, new Dictionary<string, double>(1, StringComparer.Ordinal) { ["people_count"] = people }, output);
    }

    private JsonObject Analytics()
    {
        var confidence = Math.Round(Random.Between(0.6, 0.98), 2);
        var draw = Random.NextDouble();
        if (Device.SiteKind == SiteKind.Intersection)
        {
            if (draw < 0.03)
            {
                return new JsonObject { ["type"] = "violation", ["zone"] = "stop-line", ["plate"] = Plate(), ["confidence"] = confidence };
            }

            if (draw < 0.25)
            {
                return new JsonObject { ["type"] = "plate-read", ["zone"] = "stop-line", ["plate"] = Plate(), ["confidence"] = confidence };
            }
        }

        var zone = zones[Random.Next(zones.Length)];
        return draw < 0.75
            ? new JsonObject { ["type"] = "motion", ["zone"] = zone, ["confidence"] = confidence }
            : new JsonObject { ["type"] = "person-present", ["zone"] = zone, ["confidence"] = confidence };
    }

    /// <summary>A Vietnamese plate such as <c>17A-123.45</c>: the province's code, a series letter, five digits.</summary>
    private string Plate()
    {
        const string series = "ABCDEFGHKLMNPSTUVXYZ";
        var number = Random.Next(0, 100_000).ToString("D5", CultureInfo.InvariantCulture);
        return $"{Context.PlatePrefix}{series[Random.Next(series.Length)]}-{number[..3]}.{number[3..]}";
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
