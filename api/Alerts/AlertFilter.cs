using SmartCity.Twin.Grains.Alerts;

namespace SmartCity.Twin.Api.Alerts;

/// <summary>Which alerts a list shows; <c>null</c> means any. <see cref="From"/> and <see cref="To"/> bound the raise time, [from, to).</summary>
internal sealed record AlertFilter
{
    public static readonly AlertFilter All = new();

    public AlertStatus? Status { get; init; }

    public string? Type { get; init; }

    public AlertSeverity? Severity { get; init; }

    public string? DistrictId { get; init; }

    public string? TwinId { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public bool Matches(AlertSnapshot alert) =>
        (Status is null || alert.Status == Status)
        && (Type is null || string.Equals(alert.Type, Type, StringComparison.Ordinal))
        && (Severity is null || alert.Severity == Severity)
        && (DistrictId is null || string.Equals(alert.DistrictId, DistrictId, StringComparison.Ordinal))
        && (TwinId is null || string.Equals(alert.TwinId, TwinId, StringComparison.Ordinal))
        && (From is null || alert.RaisedAt >= From)
        && (To is null || alert.RaisedAt < To);
}
