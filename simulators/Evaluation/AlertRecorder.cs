using SmartCity.Twin.Grains.Alerts;

namespace SmartCity.Twin.Simulators.Evaluation;

/// <summary>
/// Hears every alert change and keeps each time an alert went up: when it opened, and each time it came back after
/// its condition had cleared. Repeats of an open alert are the same warning and are not kept again.
/// </summary>
internal sealed class AlertRecorder : IAlertObserver
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, AlertSnapshot> latest = new(StringComparer.Ordinal);
    private readonly List<RaisedWarning> raised = [];

    /// <summary>In the order they were heard.</summary>
    public IReadOnlyList<RaisedWarning> Raised
    {
        get
        {
            lock (gate)
            {
                return raised.ToArray();
            }
        }
    }

    public void OnAlertChanged(AlertSnapshot alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        lock (gate)
        {
            if (!latest.TryGetValue(alert.Id, out var before))
            {
                raised.Add(new RaisedWarning(alert.Type, alert.TwinId, alert.RaisedAt, alert.Id, alert.Message));
            }
            else if (before.Version >= alert.Version)
            {
                return;
            }
            else if (before.ClearedAt is not null && alert.ClearedAt is null && alert.Status != AlertStatus.Resolved)
            {
                raised.Add(new RaisedWarning(alert.Type, alert.TwinId, alert.LastRaisedAt, alert.Id, alert.Message));
            }

            latest[alert.Id] = alert;
        }
    }
}
