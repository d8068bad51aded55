using Microsoft.Extensions.Options;
using SmartCity.Twin.Api.Twins;
using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Api.Alerts;

/// <summary>
/// The in-memory index of alerts (<see cref="IAlertDirectory"/>), fed by the alert change feed and by
/// <see cref="AlertDirectoryLoader"/> at startup. Alerts are few next to twins (thousands, not millions) and change
/// at operator pace, so one lock guards everything and queries scan in newest-first order.
/// </summary>
/// <remarks>
/// Incidents: when an alert with a location is first seen, it joins an open incident (one with an unresolved alert)
/// that has an alert within <see cref="AlertOptions.IncidentRadiusMeters"/> and raised within
/// <see cref="AlertOptions.IncidentWindow"/> of it; otherwise, if such an alert stands alone, the two start a new
/// incident, named after the earlier one. A single alert has no incident. Incidents are not stored: the loader feeds
/// stored alerts oldest first, so the same incidents form again after a restart.
/// <para>
/// Corroboration: whenever an alert joins an incident, each unresolved fire-type alert in it that alerts from other
/// twins confirm (<see cref="Corroboration"/>) is told so through the <see cref="IAlertCorroborator"/>, once per pair;
/// the alert raises its own severity and records it. After a restart the stored alerts already name who confirmed
/// them, so replaying them asks nothing twice.
/// </para>
/// </remarks>
internal sealed class AlertDirectory : IAlertDirectory, IAlertObserver
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, AlertSnapshot> alerts = new(StringComparer.Ordinal);
    private readonly SortedSet<AlertKey> newestFirst = [];

    // The two lists dashboards ask for most, a twin's alerts and the unresolved ones, walk their own index instead of all.
    private readonly Dictionary<string, SortedSet<AlertKey>> byTwin = new(StringComparer.Ordinal);
    private readonly SortedSet<AlertKey> unresolved = [];
    private readonly Dictionary<string, Incident> incidents = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HashSet<(string Alert, string ConfirmedBy)> corroborationsSent = [];
    private readonly double radiusMeters;
    private readonly long windowTicks;
    private readonly IAlertCorroborator? corroborator;

    /// <param name="corroborator">Where confirmations go; <c>null</c> to group alerts without touching them.</param>
    public AlertDirectory(IOptions<AlertOptions> options, IAlertCorroborator? corroborator = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        radiusMeters = options.Value.IncidentRadiusMeters;
        windowTicks = options.Value.IncidentWindow.Ticks;
        this.corroborator = corroborator;
    }

    public Task Loaded => loaded.Task;

    public void OnAlertChanged(AlertSnapshot alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        List<(string, IReadOnlyList<string>)>? confirmations = null;
        lock (gate)
        {
            Apply(alert, ref confirmations);
        }

        Send(confirmations);
    }

    /// <summary>Stored alerts, in any order; applied oldest first so incidents form as they did live.</summary>
    public void AddLoaded(IEnumerable<AlertSnapshot> stored)
    {
        var ordered = stored.OrderBy(a => a.RaisedAt).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        List<(string, IReadOnlyList<string>)>? confirmations = null;
        lock (gate)
        {
            foreach (var alert in ordered)
            {
                Apply(alert, ref confirmations);
            }
        }

        Send(confirmations);
    }

    public void CompleteLoad() => loaded.TrySetResult();

    public AlertSnapshot? Find(string id)
    {
        lock (gate)
        {
            return alerts.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<AlertSnapshot> RaisedBetween(DateTimeOffset from, DateTimeOffset to) =>
        Query(new AlertFilter { From = from, To = to }, null, int.MaxValue - 1).Items;

    public IReadOnlyList<AlertSnapshot> Open()
    {
        lock (gate)
        {
            return unresolved.Select(key => alerts[key.Id!]).ToList();
        }
    }

    public (IReadOnlyList<AlertSnapshot> Items, AlertKey? Next) Query(AlertFilter filter, AlertKey? after, int limit)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var items = new List<AlertSnapshot>(Math.Min(limit, 256) + 1);
        lock (gate)
        {
            var index = IndexFor(filter);
            if (index.Count == 0)
            {
                return (items, null);
            }

            // "Raised before to" starts just after every alert raised at to's tick.
            var start = filter.To is { } to ? new AlertKey(to.UtcTicks - 1, null) : index.Min;
            if (after is { } cursor && cursor.CompareTo(start) > 0)
            {
                start = cursor;
            }

            var last = index.Max;
            if (start.CompareTo(last) > 0)
            {
                return (items, null);
            }

            var fromTicks = filter.From?.UtcTicks;
            foreach (var key in index.GetViewBetween(start, last))
            {
                if (key == after)
                {
                    continue;
                }

                if (key.RaisedTicks < fromTicks)
                {
                    break;
                }

                var alert = alerts[key.Id!];
                if (filter.Matches(alert))
                {
                    items.Add(alert);
                    if (items.Count > limit)
                    {
                        break;
                    }
                }
            }
        }

        if (items.Count <= limit)
        {
            return (items, null);
        }

        items.RemoveAt(limit);
        return (items, KeyOf(items[^1]));
    }

    public IncidentResponse? FindIncident(string id)
    {
        lock (gate)
        {
            return incidents.TryGetValue(id, out var incident) ? Describe(incident) : null;
        }
    }

    public IReadOnlyList<IncidentResponse> Incidents(IncidentFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        List<IncidentResponse> described;
        lock (gate)
        {
            described = incidents.Values.Select(Describe).Where(filter.Matches).ToList();
        }

        return described
            .OrderByDescending(i => i.LastRaisedAt)
            .ThenByDescending(i => i.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static AlertKey KeyOf(AlertSnapshot alert) => new(alert.RaisedAt.UtcTicks, alert.Id);

    private SortedSet<AlertKey> IndexFor(AlertFilter filter)
    {
        if (filter.TwinId is { } twinId)
        {
            return byTwin.GetValueOrDefault(twinId) ?? [];
        }

        return filter.Status is AlertStatus.Active or AlertStatus.Acknowledged ? unresolved : newestFirst;
    }

    private void Apply(AlertSnapshot alert, ref List<(string, IReadOnlyList<string>)>? confirmations)
    {
        var key = KeyOf(alert);
        if (alerts.TryGetValue(alert.Id, out var known))
        {
            // The feed and the startup load race; the higher version is the newer.
            if (alert.Version > known.Version)
            {
                alerts[alert.Id] = alert with { IncidentId = known.IncidentId };
                if (alert.Status == AlertStatus.Resolved)
                {
                    unresolved.Remove(key);
                }
                else
                {
                    unresolved.Add(key);
                }
            }

            return;
        }

        var incidentId = Group(alert);
        alerts[alert.Id] = alert with { IncidentId = incidentId };
        if (incidentId is not null)
        {
            Corroborate(incidents[incidentId], ref confirmations);
        }

        newestFirst.Add(key);
        if (alert.Status != AlertStatus.Resolved)
        {
            unresolved.Add(key);
        }

        if (!byTwin.TryGetValue(alert.TwinId, out var twinAlerts))
        {
            byTwin[alert.TwinId] = twinAlerts = [];
        }

        twinAlerts.Add(key);
    }

    private string? Group(AlertSnapshot alert)
    {
        if (alert.Location is not { } location || newestFirst.Count == 0)
        {
            return null;
        }

        var ticks = alert.RaisedAt.UtcTicks;
        var newest = new AlertKey(Math.Min(ticks, DateTimeOffset.MaxValue.UtcTicks - windowTicks) + windowTicks, null);
        var oldest = new AlertKey(Math.Max(ticks - windowTicks, 1) - 1, null);
        AlertSnapshot? alone = null;
        foreach (var key in newestFirst.GetViewBetween(newest, oldest))
        {
            var other = alerts[key.Id!];
            if (other.Location is not { } there || GreatCircle.DistanceMeters(location, there) > radiusMeters)
            {
                continue;
            }

            if (other.IncidentId is { } incidentId)
            {
                var incident = incidents[incidentId];
                if (IsOpen(incident))
                {
                    incident.AlertIds.Add(alert.Id);
                    return incidentId;
                }
            }
            else if (alone is null || alone.RaisedAt > other.RaisedAt)
            {
                alone = other;
            }
        }

        if (alone is null)
        {
            return null;
        }

        var first = alone.RaisedAt <= alert.RaisedAt ? alone : alert;
        var second = ReferenceEquals(first, alone) ? alert : alone;
        var started = new Incident("incident." + first.Id, [first.Id, second.Id]);
        incidents[started.Id] = started;
        alerts[alone.Id] = alone with { IncidentId = started.Id };
        return started.Id;
    }

    /// <summary>Collects, for each fire-type alert of <paramref name="incident"/>, the alerts that confirm it and it was not yet told of.</summary>
    private void Corroborate(Incident incident, ref List<(string, IReadOnlyList<string>)>? confirmations)
    {
        if (corroborator is null)
        {
            return;
        }

        foreach (var id in incident.AlertIds)
        {
            if (!alerts.TryGetValue(id, out var alert) || !Corroboration.CanBeConfirmed(alert))
            {
                continue;
            }

            List<string>? confirmedBy = null;
            foreach (var otherId in incident.AlertIds)
            {
                if (alerts.TryGetValue(otherId, out var other)
                    && Corroboration.Confirms(other, alert)
                    && !alert.CorroboratedBy.Contains(otherId)
                    && corroborationsSent.Add((id, otherId)))
                {
                    (confirmedBy ??= []).Add(otherId);
                }
            }

            if (confirmedBy is not null)
            {
                (confirmations ??= []).Add((id, confirmedBy));
            }
        }
    }

    private void Send(List<(string AlertId, IReadOnlyList<string> ConfirmedBy)>? confirmations)
    {
        if (confirmations is null || corroborator is null)
        {
            return;
        }

        foreach (var (alertId, confirmedBy) in confirmations)
        {
            corroborator.Corroborate(alertId, confirmedBy);
        }
    }

    private bool IsOpen(Incident incident) =>
        incident.AlertIds.Exists(id => alerts.TryGetValue(id, out var a) && a.Status != AlertStatus.Resolved);

    private IncidentResponse Describe(Incident incident)
    {
        var members = incident.AlertIds
            .Select(id => alerts.GetValueOrDefault(id))
            .OfType<AlertSnapshot>()
            .OrderBy(a => a.RaisedAt)
            .ThenBy(a => a.Id, StringComparer.Ordinal)
            .ToList();
        var locations = members.Where(a => a.Location is not null).Select(a => a.Location!.Value).ToList();
        var bounds = new GeoBounds(
            locations.Min(p => p.Longitude),
            locations.Min(p => p.Latitude),
            locations.Max(p => p.Longitude),
            locations.Max(p => p.Latitude));
        return new IncidentResponse(
            incident.Id,
            members.Exists(a => a.Status != AlertStatus.Resolved) ? IncidentStatus.Open : IncidentStatus.Closed,
            members.Max(a => a.Severity),
            members.Select(a => a.Type).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            members.Select(a => a.DistrictId).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            members[0].RaisedAt,
            members.Max(a => a.LastRaisedAt),
            bounds,
            members);
    }
}
