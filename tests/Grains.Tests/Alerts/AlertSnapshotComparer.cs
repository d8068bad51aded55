using SmartCity.Twin.Grains.Alerts;

namespace SmartCity.Twin.Grains.Tests.Alerts;

/// <summary>Record equality compares collections by reference; a stored and reloaded alert is equal by content.</summary>
internal sealed class AlertSnapshotComparer : IEqualityComparer<AlertSnapshot>
{
    public static readonly AlertSnapshotComparer Instance = new();

    public bool Equals(AlertSnapshot? x, AlertSnapshot? y) =>
        x is not null && y is not null
        && x with { Evidence = y.Evidence, Transitions = y.Transitions, CorroboratedBy = y.CorroboratedBy } == y
        && x.CorroboratedBy.SequenceEqual(y.CorroboratedBy)
        && x.Evidence.OrderBy(e => e.Key, StringComparer.Ordinal).SequenceEqual(y.Evidence.OrderBy(e => e.Key, StringComparer.Ordinal))
        && x.Transitions.SequenceEqual(y.Transitions);

    public int GetHashCode(AlertSnapshot obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
}
