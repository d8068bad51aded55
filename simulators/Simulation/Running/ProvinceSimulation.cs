using SmartCity.Twin.Simulation.Effects;
using SmartCity.Twin.Simulation.Messages;
using SmartCity.Twin.Simulation.Province;
using SmartCity.Twin.Simulation.Signals;

namespace SmartCity.Twin.Simulation.Running;

/// <summary>
/// Every device of a province behaving like a real one, in simulated time: readings on their own schedules, daily
/// cycles, noise, dropouts and faults, then whatever the effects (scenarios) change. Single-threaded: one caller.
/// </summary>
/// <remarks>
/// Devices wait in a min-heap by the time they are next due, so an <see cref="Advance"/> costs O(messages · log n)
/// whatever the number of quiet devices.
/// </remarks>
internal sealed class ProvinceSimulation
{
    // Drift rates per hour in each faulty metric's unit: noticeable within a day, not at the first reading.
    private static readonly Dictionary<string, double> DriftPerHour = new(StringComparer.Ordinal)
    {
        [Grains.AirQuality.PollutantMetrics.Pm25] = 0.8,
        ["temperature"] = 0.15,
        ["queue_length"] = 0.25,
    };

    private readonly DeviceSignal[] signals;
    private readonly PriorityQueue<int, DueDevice> due;
    private readonly List<IDeviceEffect> effects = [];
    private DateTimeOffset? reached;

    public ProvinceSimulation(SimulatedProvince province, SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(province);
        ArgumentNullException.ThrowIfNull(options);
        if (!double.IsFinite(options.FaultShare) || options.FaultShare is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.FaultShare, "The fault share is between 0 and 1.");
        }

        Province = province;
        Options = options;
        var context = new SignalContext(options, ProvinceLayout.City(province.Map).Id, ProvinceLayout.PlateCode(province.Map));
        var faults = new List<DeviceFault>();
        signals = new DeviceSignal[province.Devices.Count];
        due = new PriorityQueue<int, DueDevice>(signals.Length);
        var start = options.Start.UtcTicks;
        for (var i = 0; i < signals.Length; i++)
        {
            var device = province.Devices[i];
            var fault = DrawFault(device);
            if (fault is not null)
            {
                faults.Add(fault);
            }

            signals[i] = DeviceSignal.For(device, context, fault);
            due.Enqueue(i, new DueDevice(start, i));
        }

        Faults = faults;
    }

    public SimulatedProvince Province { get; }

    public SimulationOptions Options { get; }

    /// <summary>The ground truth of which devices are faulty, and how; in the province's device order.</summary>
    public IReadOnlyList<DeviceFault> Faults { get; }

    /// <summary>The effects in the order they apply.</summary>
    public IReadOnlyList<IDeviceEffect> Effects => effects;

    /// <summary>The simulated time the last <see cref="Advance"/> reached; <c>null</c> before the first.</summary>
    public DateTimeOffset? Reached => reached;

    /// <summary>Adds an effect; it sees the messages of every later <see cref="Advance"/>, after the effects added before it.</summary>
    public void AddEffect(IDeviceEffect effect)
    {
        ArgumentNullException.ThrowIfNull(effect);
        effects.Add(effect);
    }

    /// <summary>
    /// The messages due in (previous call's <paramref name="to"/>, <paramref name="to"/>], in time order, after the effects.
    /// The first call covers [<see cref="SimulationOptions.Start"/>, <paramref name="to"/>] and begins with every
    /// device coming online and reporting its properties and first readings.
    /// </summary>
    /// <remarks>
    /// Each device message passes every effect's <see cref="IDeviceEffect.Apply"/> in the order they were added (one
    /// returning <c>null</c> drops it); then each effect's <see cref="IDeviceEffect.Emit"/> adds its own messages over
    /// the same interval (the first call's interval starts one tick before <see cref="SimulationOptions.Start"/>),
    /// which are merged in by time (device messages first at equal times) without passing the other effects.
    /// A <paramref name="to"/> not after the previous one returns nothing.
    /// </remarks>
    public IReadOnlyList<DeviceMessage> Advance(DateTimeOffset to)
    {
        DateTimeOffset from;
        if (reached is { } previous)
        {
            if (to <= previous)
            {
                return [];
            }

            from = previous;
        }
        else
        {
            if (to < Options.Start)
            {
                return [];
            }

            from = Options.Start.AddTicks(-1);
        }

        reached = to;
        var messages = new List<DeviceMessage>();
        var limit = to.UtcTicks;
        while (due.TryPeek(out var index, out var when) && when.UtcTicks <= limit)
        {
            var next = signals[index].Act(new DateTimeOffset(when.UtcTicks, TimeSpan.Zero), messages);
            due.DequeueEnqueue(index, new DueDevice(Math.Max(next.UtcTicks, when.UtcTicks + 1), index));
        }

        if (effects.Count == 0)
        {
            return messages;
        }

        var applied = new List<DeviceMessage>(messages.Count);
        foreach (var message in messages)
        {
            if (ApplyEffects(message) is { } kept)
            {
                applied.Add(kept);
            }
        }

        var emitted = new List<DeviceMessage>();
        foreach (var effect in effects)
        {
            effect.Emit(from, to, emitted);
        }

        return emitted.Count == 0 ? applied : Merge(applied, emitted);
    }

    private DeviceMessage? ApplyEffects(DeviceMessage message)
    {
        DeviceMessage? current = message;
        foreach (var effect in effects)
        {
            current = effect.Apply(current);
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    private static List<DeviceMessage> Merge(List<DeviceMessage> devices, List<DeviceMessage> emitted)
    {
        // Stable: an effect's messages at one moment keep the order it emitted them in.
        var sorted = emitted.OrderBy(m => m.At).ToList();
        var merged = new List<DeviceMessage>(devices.Count + sorted.Count);
        int d = 0, e = 0;
        while (d < devices.Count || e < sorted.Count)
        {
            if (e == sorted.Count || (d < devices.Count && devices[d].At <= sorted[e].At))
            {
                merged.Add(devices[d++]);
            }
            else
            {
                merged.Add(sorted[e++]);
            }
        }

        return merged;
    }

    private DeviceFault? DrawFault(SimulatedDevice device)
    {
        // Drawn from the device's id, so a device is faulty the same way in any selection of the province (a
        // scenario's cast, a test's single device).
        var draws = new Random(StableHash.Of(Options.Seed, "fault " + device.Id));
        var chance = draws.NextDouble();
        var kindDraw = draws.NextDouble();
        var fromHours = draws.NextDouble() * 12;
        var durationHours = 2 + (draws.NextDouble() * 6);
        if (chance >= Options.FaultShare)
        {
            return null;
        }

        var metric = DeviceSignal.FaultyMetric(device.Kind);
        var kind = metric is null ? DeviceFaultKind.Dropout : (DeviceFaultKind)(int)(kindDraw * 3);
        var from = Options.Start + TimeSpan.FromHours(fromHours);
        return kind switch
        {
            DeviceFaultKind.Dropout => new DeviceFault(device.Id, kind, null, Options.Start, null),
            DeviceFaultKind.Stuck => new DeviceFault(device.Id, kind, metric, from, from + TimeSpan.FromHours(durationHours)),
            _ => new DeviceFault(device.Id, kind, metric, from, null, DriftPerHour[metric!]),
        };
    }
}
