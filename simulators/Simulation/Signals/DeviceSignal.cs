using System.Text.Json.Nodes;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Simulation.Messages;
using SmartCity.Twin.Simulation.Province;

namespace SmartCity.Twin.Simulation.Signals;

/// <summary>
/// One simulated device's behaviour over time: it is woken at the moments it has something to say, says it, and tells
/// when it next has something to say. Its randomness comes from its own seeded stream, so what one device does never
/// depends on how many others there are. Faults (dropouts, stuck and drifting sensors) are applied here, the same way
/// for every kind.
/// </summary>
internal abstract class DeviceSignal
{
    // A dropout-prone device skips about one reading in ten and loses its connection about every six hours of readings.
    private const double SkipChance = 0.1;
    private static readonly TimeSpan MeanTimeBetweenOutages = TimeSpan.FromHours(6);

    private readonly List<DeviceMessage> unsent = [];
    private bool started;
    private DateTimeOffset? outageUntil;
    private DateTimeOffset lastWake;
    private double? lastFaultyValue;
    private double? frozenValue;

    protected DeviceSignal(SimulatedDevice device, SignalContext context, DeviceFault? fault)
    {
        Device = device;
        Context = context;
        Fault = fault;
        Random = new Random(StableHash.Of(context.Seed, device.Id));
        Northern = Season.IsNorthern(device.Location);
        InCity = device.DistrictId == context.CityDistrictId;
    }

    public SimulatedDevice Device { get; }

    public DeviceFault? Fault { get; }

    protected SignalContext Context { get; }

    protected Random Random { get; }

    protected bool Northern { get; }

    /// <summary>The provincial capital: denser traffic, more pollution, more visitors.</summary>
    protected bool InCity { get; }

    /// <summary>
    /// What the device sends at <paramref name="at"/> (its due time), appended to <paramref name="output"/> in time
    /// order; returns when it is next due (later than <paramref name="at"/>).
    /// </summary>
    public DateTimeOffset Act(DateTimeOffset at, List<DeviceMessage> output)
    {
        // Outages come by elapsed time, so a camera woken by every event drops out no more often than a station.
        var sinceLastWake = at - lastWake;
        lastWake = at;
        if (!started)
        {
            started = true;
            output.Add(DeviceMessage.Connectivity(Device, at, DeviceMessageKind.Online));
            output.Add(DeviceMessage.State(Device, at, Properties()));
            return Begin(at, output);
        }

        if (outageUntil is { } until)
        {
            if (at < until)
            {
                // The device goes on living (its state moves on) but nothing reaches the twin.
                unsent.Clear();
                return Continue(at, unsent);
            }

            outageUntil = null;
            output.Add(DeviceMessage.Connectivity(Device, at, DeviceMessageKind.Online));
        }
        else if (Fault is { Kind: DeviceFaultKind.Dropout } dropout && dropout.IsActive(at) && Random.NextDouble() < sinceLastWake / MeanTimeBetweenOutages)
        {
            output.Add(DeviceMessage.Connectivity(Device, at, DeviceMessageKind.ConnectionLost));
            outageUntil = at + Random.Between(TimeSpan.FromMinutes(3), TimeSpan.FromHours(1));
            unsent.Clear();
            return Continue(at, unsent);
        }

        return Continue(at, output);
    }

    /// <summary>The reported properties sent once at start: model, firmware, site.</summary>
    protected virtual JsonObject Properties() => new()
    {
        ["model"] = Model,
        ["firmware"] = Firmware,
        ["site"] = Device.Site,
        ["district"] = Device.DistrictId,
        ["reportingIntervalSeconds"] = (int)ReportingInterval.TotalSeconds,
    };

    protected abstract string Model { get; }

    protected virtual string Firmware => "2.4.1";

    /// <summary>How often the device reports telemetry.</summary>
    protected abstract TimeSpan ReportingInterval { get; }

    /// <summary>The metric a stuck or drifting sensor of <paramref name="kind"/> gets wrong; <c>null</c> when only dropouts apply.</summary>
    public static string? FaultyMetric(DeviceKind kind) => kind switch
    {
        DeviceKind.EnvironmentSensor => Grains.AirQuality.PollutantMetrics.Pm25,
        DeviceKind.FireAlarm => "temperature",
        DeviceKind.Intersection or DeviceKind.ServiceCounter => "queue_length",
        _ => null,
    };

    /// <summary>The behaviour of <paramref name="device"/>'s kind.</summary>
    public static DeviceSignal For(SimulatedDevice device, SignalContext context, DeviceFault? fault) => device.Kind switch
    {
        DeviceKind.EnvironmentSensor => new EnvironmentSensorSignal(device, context, fault),
        DeviceKind.FireAlarm => new FirePanelSignal(device, context, fault),
        DeviceKind.Intersection => new IntersectionSignal(device, context, fault),
        DeviceKind.ServiceCounter => new ServiceCounterSignal(device, context, fault),
        DeviceKind.Camera => new CameraSignal(device, context, fault),
        _ => throw new ArgumentOutOfRangeException(nameof(device), device.Kind, "No signal model for this kind of device."),
    };

    /// <summary>
    /// The first readings and events right after coming online; returns the next due time, offset by a random phase so
    /// a province's devices do not report in lock-step.
    /// </summary>
    protected abstract DateTimeOffset Begin(DateTimeOffset at, List<DeviceMessage> output);

    /// <summary>What is due at <paramref name="at"/>; returns the next due time.</summary>
    protected abstract DateTimeOffset Continue(DateTimeOffset at, List<DeviceMessage> output);

    /// <summary>The first report after <paramref name="at"/>: somewhere within one interval.</summary>
    protected DateTimeOffset FirstReportAfter(DateTimeOffset at) =>
        at + TimeSpan.FromTicks(1 + (long)(Random.NextDouble() * (ReportingInterval.Ticks - 1)));

    /// <summary>Sends <paramref name="values"/> as the device's telemetry, after its fault (if any) has had its way.</summary>
    protected void Report(DateTimeOffset at, Dictionary<string, double> values, List<DeviceMessage> output)
    {
        if (Fault is { } fault && fault.IsActive(at))
        {
            switch (fault.Kind)
            {
                case DeviceFaultKind.Dropout when Random.NextDouble() < SkipChance:
                    return;
                case DeviceFaultKind.Stuck when fault.Metric is { } metric && values.ContainsKey(metric):
                    frozenValue ??= lastFaultyValue ?? values[metric];
                    values[metric] = frozenValue.Value;
                    break;
                case DeviceFaultKind.Drift when fault.Metric is { } metric && values.TryGetValue(metric, out var value):
                    values[metric] = value + (fault.DriftPerHour * (at - fault.From).TotalHours);
                    break;
            }
        }
        else if (Fault is { Metric: { } metric } && values.TryGetValue(metric, out var healthy))
        {
            lastFaultyValue = healthy;
            frozenValue = null;
        }

        List<string>? outOfRange = null;
        foreach (var (metric, value) in values)
        {
            if (PhysicalLimits.Clamp(metric, value) != value)
            {
                (outOfRange ??= []).Add(metric);
            }
        }

        foreach (var metric in outOfRange ?? [])
        {
            values[metric] = PhysicalLimits.Clamp(metric, values[metric]);
        }

        output.Add(DeviceMessage.Telemetry(Device, at, values));
    }

    protected void Send(DateTimeOffset at, JsonObject body, List<DeviceMessage> output) => output.Add(DeviceMessage.Event(Device, at, body));
}
