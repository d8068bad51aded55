using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Simulation.Effects;
using SmartCity.Twin.Simulation.Messages;
using SmartCity.Twin.Simulation.Province;
using SmartCity.Twin.Simulation.Signals;

namespace SmartCity.Twin.Simulation.Scenarios;

/// <summary>
/// A played scenario's timeline as an <see cref="IDeviceEffect"/>: it bends the target devices' readings (ramps, set
/// values, frozen sensors), cuts them off (silent until back online) and adds the scripted events. Everything but a
/// frozen sensor is a function of simulated time, so the same play always yields the same messages.
/// </summary>
internal sealed class ScenarioEffect : IDeviceEffect
{
    private const double HeldLevelNoise = 0.005;

    private readonly Dictionary<string, List<MetricRule>> rules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(DateTimeOffset From, DateTimeOffset To)>> silences = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(DateTimeOffset From, DateTimeOffset To)>> heldEvents = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Device, string Metric), double> lastNatural = [];
    private readonly List<DeviceMessage> scripted;
    private readonly HashSet<DeviceMessage> ownInFlight = new(ReferenceEqualityComparer.Instance);
    private int nextScripted;
    private List<DateTimeOffset> checkpoints = [];
    private Func<DateTimeOffset, Task>? onCheckpoint;

    public ScenarioEffect(DateTimeOffset start, DateTimeOffset end, IReadOnlyList<ScenarioStep> timeline, IReadOnlyDictionary<string, ResolvedTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(targets);
        var events = new List<(DeviceMessage Message, int Order)>();
        for (var index = 0; index < timeline.Count; index++)
        {
            var step = timeline[index];
            var at = start + step.At;
            foreach (var device in targets[step.Target].Devices)
            {
                switch (step.Action)
                {
                    case ScenarioAction.Ramp or ScenarioAction.Set or ScenarioAction.Freeze:
                        RulesOf(device.Id).Add(new MetricRule(step, at, DateTimeOffset.MaxValue));
                        break;
                    case ScenarioAction.Clear:
                        foreach (var rule in RulesOf(device.Id).Where(r => r.Until > at && (step.Metric is null || r.Step.Metric == step.Metric)))
                        {
                            rule.Until = at;
                        }

                        if (step.Metric is null)
                        {
                            End(heldEvents, device.Id, at);
                        }

                        break;
                    case ScenarioAction.Event:
                        var until = step.Every is null ? at : start + (step.Until ?? end - start);
                        for (var t = at; t <= until; t += step.Every ?? TimeSpan.MaxValue)
                        {
                            events.Add((DeviceMessage.Event(device, t, step.Event!.DeepClone().AsObject()), index));
                            if (step.Every is null)
                            {
                                break;
                            }
                        }

                        // Panels and counters report states: once the timeline sets one, the device's own state reports
                        // (a routine "normal", an officer's usual comings and goings) would contradict it.
                        if (device.Kind is DeviceKind.FireAlarm or DeviceKind.ServiceCounter && !IsHeld(device.Id, at))
                        {
                            Begin(heldEvents, device.Id, at);
                        }

                        break;
                    case ScenarioAction.Silent:
                        if (!IsSilent(device.Id, at))
                        {
                            Begin(silences, device.Id, at);
                            events.Add((DeviceMessage.Connectivity(device, at, DeviceMessageKind.ConnectionLost), index));
                        }

                        break;
                    case ScenarioAction.Online:
                        if (IsSilent(device.Id, at))
                        {
                            End(silences, device.Id, at);
                        }

                        events.Add((DeviceMessage.Connectivity(device, at, DeviceMessageKind.Online), index));
                        break;
                }
            }
        }

        scripted = events.OrderBy(e => e.Message.At).ThenBy(e => e.Order).Select(e => e.Message).ToList();
    }

    /// <summary>The scripted messages (events, connection lost, back online), in time order.</summary>
    public IReadOnlyList<DeviceMessage> Scripted => scripted;

    /// <summary>
    /// Holds the simulation at each of <paramref name="moments"/> (once everything up to it has been handed on) until
    /// <paramref name="check"/> completes: a drill's checks see the twins exactly as they were then, however fast the
    /// run goes.
    /// </summary>
    public void PauseAt(IEnumerable<DateTimeOffset> moments, Func<DateTimeOffset, Task> check)
    {
        ArgumentNullException.ThrowIfNull(moments);
        ArgumentNullException.ThrowIfNull(check);
        checkpoints = moments.Distinct().Order().ToList();
        onCheckpoint = check;
    }

    public DeviceMessage? Apply(DeviceMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (ownInFlight.Remove(message))
        {
            return message;
        }

        var id = message.Device.Id;
        if (IsSilent(id, message.At))
        {
            return null;
        }

        switch (message.Kind)
        {
            case DeviceMessageKind.Event when IsHeld(id, message.At):
                return null;
            case DeviceMessageKind.Telemetry when message.Values is { } values && rules.TryGetValue(id, out var deviceRules):
                Bend(message.Device, message.At, values, deviceRules);
                break;
        }

        return message;
    }

    public void Emit(DateTimeOffset from, DateTimeOffset to, ICollection<DeviceMessage> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        while (checkpoints.Count > 0 && checkpoints[0] <= from)
        {
            var moment = checkpoints[0];
            checkpoints.RemoveAt(0);

            // Off the caller's synchronization context: a test runner's context would deadlock on the check's awaits.
            Task.Run(() => onCheckpoint!(moment)).GetAwaiter().GetResult();
        }

        // By index, not by (from, to]: a step at the very start must not fall between the first call's bounds.
        while (nextScripted < scripted.Count && scripted[nextScripted].At <= to)
        {
            var message = scripted[nextScripted++];
            ownInFlight.Add(message);
            output.Add(message);
        }
    }

    private void Bend(SimulatedDevice device, DateTimeOffset at, Dictionary<string, double> values, List<MetricRule> deviceRules)
    {
        foreach (var rule in deviceRules)
        {
            var step = rule.Step;
            var metric = step.Metric!;
            var has = values.TryGetValue(metric, out var natural);
            if (at < rule.From || at >= rule.Until)
            {
                if (has && step.Action == ScenarioAction.Freeze && at < rule.From)
                {
                    lastNatural[(device.Id, metric)] = natural;
                }

                continue;
            }

            switch (step.Action)
            {
                case ScenarioAction.Ramp:
                    var baseline = step.From ?? (has ? natural : 0);
                    var progress = Math.Clamp((at - rule.From) / step.Over!.Value, 0, 1);
                    var to = step.To!.Value;
                    values[metric] = baseline + ((to - baseline) * progress) + (to * HeldLevelNoise * progress * Jitter(device.Id, metric, at));
                    break;
                case ScenarioAction.Set:
                    values[metric] = step.Value!.Value;
                    break;
                case ScenarioAction.Freeze when has:
                    if (!lastNatural.TryGetValue((device.Id, metric), out var stuck))
                    {
                        stuck = natural;
                        lastNatural[(device.Id, metric)] = stuck;
                    }

                    values[metric] = stuck;
                    break;
            }
        }
    }

    /// <summary>
    /// A ramped level, once reached, still carries the instrument's own noise (±0.5 %, the same for a seed): a reading
    /// repeated to the last digit for half an hour is what a stuck sensor looks like, and a haze is not one.
    /// </summary>
    private static double Jitter(string deviceId, string metric, DateTimeOffset at) =>
        ((StableHash.Of(0, deviceId + "/" + metric, (int)at.ToUnixTimeSeconds()) & 0xFFFF) / 32767.5) - 1;

    private List<MetricRule> RulesOf(string id)
    {
        if (!rules.TryGetValue(id, out var list))
        {
            list = [];
            rules[id] = list;
        }

        return list;
    }

    private bool IsSilent(string id, DateTimeOffset at) => Covers(silences, id, at);

    private bool IsHeld(string id, DateTimeOffset at) => Covers(heldEvents, id, at);

    private static bool Covers(Dictionary<string, List<(DateTimeOffset From, DateTimeOffset To)>> spans, string id, DateTimeOffset at) =>
        spans.TryGetValue(id, out var list) && list.Exists(s => s.From <= at && at < s.To);

    private static void Begin(Dictionary<string, List<(DateTimeOffset From, DateTimeOffset To)>> spans, string id, DateTimeOffset at)
    {
        if (!spans.TryGetValue(id, out var list))
        {
            list = [];
            spans[id] = list;
        }

        list.Add((at, DateTimeOffset.MaxValue));
    }

    private static void End(Dictionary<string, List<(DateTimeOffset From, DateTimeOffset To)>> spans, string id, DateTimeOffset at)
    {
        if (spans.TryGetValue(id, out var list) && list.Count > 0 && list[^1].To == DateTimeOffset.MaxValue)
        {
            list[^1] = (list[^1].From, at);
        }
    }

    /// <summary>A ramp, set or freeze on one device, from its step's time until a clear.</summary>
    private sealed class MetricRule(ScenarioStep step, DateTimeOffset from, DateTimeOffset until)
    {
        public ScenarioStep Step { get; } = step;

        public DateTimeOffset From { get; } = from;

        public DateTimeOffset Until { get; set; } = until;
    }
}
