using System.Text.Json.Nodes;

namespace SmartCity.Twin.Simulation.Scenarios;

/// <summary>One line of a scenario's timeline: at <see cref="At"/>, <see cref="Action"/> happens to <see cref="Target"/>'s devices.</summary>
internal sealed record ScenarioStep
{
    public required TimeSpan At { get; init; }

    public required string Target { get; init; }

    public required ScenarioAction Action { get; init; }

    /// <summary>Ramp, set, freeze and (optionally) clear: the telemetry metric, e.g. <c>temperature</c>.</summary>
    public string? Metric { get; init; }

    /// <summary>Ramp: the value reached.</summary>
    public double? To { get; init; }

    /// <summary>Ramp: where it starts when the device does not measure the metric itself; otherwise its own reading.</summary>
    public double? From { get; init; }

    /// <summary>Ramp: how long the rise (or fall) takes.</summary>
    public TimeSpan? Over { get; init; }

    /// <summary>Set: the value.</summary>
    public double? Value { get; init; }

    /// <summary>Event: the event object without <c>ts</c>, e.g. <c>{"type": "alarm"}</c>.</summary>
    public JsonObject? Event { get; init; }

    /// <summary>Event: repeat at this interval…</summary>
    public TimeSpan? Every { get; init; }

    /// <summary>…until this offset (default: the scenario's end).</summary>
    public TimeSpan? Until { get; init; }
}
