using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Simulation.Scenarios;

/// <summary>
/// What a user sees on every device of <see cref="Target"/> at <see cref="At"/> (default: the end), exactly one of:
/// a metric bound, a liveness, a fire panel state, an officer's presence, or a recent camera event.
/// </summary>
internal sealed record ScenarioExpectation
{
    /// <summary><c>null</c>: at the scenario's end.</summary>
    public TimeSpan? At { get; init; }

    public required string Target { get; init; }

    public string? Metric { get; init; }

    public double? AtLeast { get; init; }

    public double? AtMost { get; init; }

    public DeviceLiveness? Liveness { get; init; }

    /// <summary>normal, pre-alarm, alarm or fault.</summary>
    public string? PanelState { get; init; }

    /// <summary><c>true</c>: the officer is at the counter.</summary>
    public bool? OfficerPresent { get; init; }

    /// <summary>A camera analytics event of this type is among the recent ones…</summary>
    public string? RecentEvent { get; init; }

    /// <summary>…in this zone.</summary>
    public string? Zone { get; init; }

    /// <summary>Whether <c>GET /api/v1/twins/{id}</c> shows it (metrics and liveness); panel, officer and camera events it does not, yet.</summary>
    public bool IsVisibleThroughApi => Metric is not null || Liveness is not null;

    /// <summary>For tables: <c>temperature ≥ 57</c>, <c>liveness Offline</c>, <c>panel alarm</c>…</summary>
    public string Describe()
    {
        if (Metric is not null)
        {
            return (AtLeast, AtMost) switch
            {
                ({ } low, { } high) => $"{Metric} {low:0.##}–{high:0.##}",
                ({ } low, null) => $"{Metric} ≥ {low:0.##}",
                (null, { } high) => $"{Metric} ≤ {high:0.##}",
                _ => Metric,
            };
        }

        if (Liveness is { } liveness)
        {
            return $"liveness {liveness.ToString().ToLowerInvariant()}";
        }

        if (PanelState is not null)
        {
            return $"panel {PanelState}";
        }

        if (OfficerPresent is { } present)
        {
            return present ? "officer present" : "officer absent";
        }

        return Zone is null ? $"recent {RecentEvent} event" : $"recent {RecentEvent} event in zone {Zone}";
    }
}
