using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Grains.Alerts;

/// <summary>An alert as operators and the API see it. Immutable; a new one is made for every change.</summary>
public sealed record AlertSnapshot
{
    public required string Id { get; init; }

    /// <summary>Counts the alert's changes from 1: of two snapshots of one alert, the higher is the newer.</summary>
    public long Version { get; init; }

    /// <summary>A warning type (<see cref="WarningTypes"/>), e.g. <c>fire</c>, <c>intrusion</c>.</summary>
    public required string Type { get; init; }

    public required AlertSeverity Severity { get; init; }

    public required AlertStatus Status { get; init; }

    public required string TwinId { get; init; }

    public required DeviceKind TwinKind { get; init; }

    public string? DistrictId { get; init; }

    public GeoPoint? Location { get; init; }

    /// <summary>Human-readable, in the operator's language of record (Vietnamese where the detector gives it).</summary>
    public string? Message { get; init; }

    /// <summary>Same key, same alert: a repeat while active counts up <see cref="RepeatCount"/> instead of opening another.</summary>
    public required string DedupKey { get; init; }

    public required DateTimeOffset RaisedAt { get; init; }

    public required DateTimeOffset LastRaisedAt { get; init; }

    public int RepeatCount { get; init; }

    /// <summary>When the condition ended by itself; the alert stays until resolved, for audit.</summary>
    public DateTimeOffset? ClearedAt { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    public string? AcknowledgedBy { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public string? ResolvedBy { get; init; }

    /// <summary>How many times nobody acknowledged it in time (see <see cref="AlertLifecycleOptions.EscalateAfter"/>); 0 until then.</summary>
    public int EscalationLevel { get; init; }

    /// <summary>When it was last escalated.</summary>
    public DateTimeOffset? EscalatedAt { get; init; }

    /// <summary>When it will be escalated if still not acknowledged; <c>null</c> when it will not be (handled, or as high as it goes).</summary>
    public DateTimeOffset? EscalatesAt { get; init; }

    /// <summary>The ids of alerts on other twins nearby that confirmed this one (a camera's smoke next to a fire panel), oldest first.</summary>
    public IReadOnlyList<string> CorroboratedBy { get; init; } = [];

    /// <summary>Set by the alert directory when the alert is grouped with others near it (see the API's incidents); never stored.</summary>
    public string? IncidentId { get; init; }

    /// <summary>The readings that triggered it, by name (e.g. <c>temperature</c> → <c>61.5</c>).</summary>
    public required IReadOnlyDictionary<string, double> Evidence { get; init; }

    /// <summary>Oldest first.</summary>
    public required IReadOnlyList<AlertTransition> Transitions { get; init; }
}
