using SmartCity.Twin.Grains.Alerts;

namespace SmartCity.Twin.Api.Alerts;

/// <summary>
/// Every alert, as its latest <see cref="AlertSnapshot"/>, kept current by the alerts' change feed and loaded from
/// storage at startup; answers lists and KPI queries without calling grains. Groups alerts close in space and time
/// into incidents (the snapshots it returns carry <see cref="AlertSnapshot.IncidentId"/>). Thread-safe.
/// </summary>
internal interface IAlertDirectory
{
    Task Loaded { get; }

    AlertSnapshot? Find(string id);

    /// <summary>Alerts raised in [<paramref name="from"/>, <paramref name="to"/>), any status, in no particular order.</summary>
    IReadOnlyList<AlertSnapshot> RaisedBetween(DateTimeOffset from, DateTimeOffset to);

    /// <summary>Alerts not yet resolved.</summary>
    IReadOnlyList<AlertSnapshot> Open();

    /// <summary>
    /// The alerts matching <paramref name="filter"/>, newest first (raise time, then id), strictly after
    /// <paramref name="after"/>, at most <paramref name="limit"/>; <c>Next</c> is the key to continue from, <c>null</c>
    /// on the last page. Alerts raised while paging are newer than the cursor, so a page neither skips nor repeats one.
    /// </summary>
    (IReadOnlyList<AlertSnapshot> Items, AlertKey? Next) Query(AlertFilter filter, AlertKey? after, int limit);

    IncidentResponse? FindIncident(string id);

    /// <summary>The incidents matching <paramref name="filter"/>, the most recently raised-into first.</summary>
    IReadOnlyList<IncidentResponse> Incidents(IncidentFilter filter);
}
