using SmartCity.Twin.Grains.Alerts;

namespace SmartCity.Twin.Api.Alerts;

/// <summary>
/// Every alert, as its latest <see cref="AlertSnapshot"/>, kept current by the alerts' change feed and loaded from
/// storage at startup; answers lists and KPI queries without calling grains. Thread-safe.
/// </summary>
internal interface IAlertDirectory
{
    Task Loaded { get; }

    AlertSnapshot? Find(string id);

    /// <summary>Alerts raised in [<paramref name="from"/>, <paramref name="to"/>), any status, in no particular order.</summary>
    IReadOnlyList<AlertSnapshot> RaisedBetween(DateTimeOffset from, DateTimeOffset to);

    /// <summary>Alerts not yet resolved.</summary>
    IReadOnlyList<AlertSnapshot> Open();
}
