using Microsoft.Extensions.DependencyInjection;
using SmartCity.Twin.Api.Alerts;
using SmartCity.Twin.Api.Twins;
using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Observation;

namespace SmartCity.Twin.Api.Live;

/// <summary>What a subscription shows right now, read from the twin and alert directories (never from grains).</summary>
internal sealed class LiveSnapshots(IServiceProvider services)
{
    private const int PageSize = 1_000;

    // Resolved on first use: the directories observe the twins too, and the change feed is built before anyone subscribes.
    private ITwinDirectory Directory => services.GetRequiredService<ITwinDirectory>();

    public IReadOnlyList<DeviceTwinSummary> Twins(LiveSubscription subscription)
    {
        var directory = Directory;
        if (subscription.TwinId is { } id)
        {
            return directory.Find(id) is { } twin ? [twin] : [];
        }

        var all = new List<DeviceTwinSummary>();
        string? after = null;
        while (true)
        {
            var page = directory.Query(subscription.Filter, after, PageSize);
            all.AddRange(page);
            if (page.Count < PageSize)
            {
                return all;
            }

            after = page[^1].Id;
        }
    }

    public DeviceTwinSummary? FindTwin(string id) => Directory.Find(id);

    /// <summary>Completes once the twin directory has read every stored twin; a snapshot before that would miss some.</summary>
    public Task TwinsLoaded => Directory.Loaded;

    public Task AlertsLoaded => services.GetRequiredService<IAlertDirectory>().Loaded;

    public IReadOnlyList<AlertSnapshot> OpenAlerts() => services.GetRequiredService<IAlertDirectory>().Open();
}
