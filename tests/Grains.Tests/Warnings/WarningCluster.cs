using Microsoft.Extensions.DependencyInjection;
using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Hosting;
using SmartCity.Twin.Grains.Tests.Alerts;
using SmartCity.Twin.Grains.Tests.Twins;
using SmartCity.Twin.Grains.Warnings;
using SmartCity.Twin.Runtime;
using SmartCity.Twin.Runtime.Testing;

namespace SmartCity.Twin.Grains.Tests.Warnings;

/// <summary>A test silo with the twins' detectors on (as in production), a fake clock and every alert change recorded.</summary>
internal sealed class WarningCluster : IAsyncDisposable
{
    private WarningCluster(InProcessTestCluster cluster, RecordingAlertObserver alerts)
    {
        Cluster = cluster;
        Alerts = alerts;
    }

    public InProcessTestCluster Cluster { get; }

    public RecordingAlertObserver Alerts { get; }

    public FakeTimeProvider Clock => Cluster.TimeProvider;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public DateTimeOffset Now => Clock.GetUtcNow();

    public static async Task<WarningCluster> StartAsync(Action<WarningOptions>? configure = null)
    {
        var alerts = new RecordingAlertObserver();
        var cluster = await InProcessTestCluster.CreateBuilder()
            .ConfigureServices(services =>
            {
                services.AddTwinGrains().AddSingleton<IAlertObserver>(alerts);
                if (configure is not null)
                {
                    services.Configure(configure);
                }
            })
            .StartAsync();
        return new WarningCluster(cluster, alerts);
    }

    /// <summary>Provisions a twin in Thái Bình city, named <paramref name="name"/> or after its id.</summary>
    public async Task<T> ProvisionAsync<T>(string id, string? name = null, IReadOnlyDictionary<string, string>? attributes = null)
        where T : IDeviceTwin
    {
        var twin = Grains.GetGrain<T>(id);
        await twin.Provision(new DeviceProvisioning(name ?? id, Places.ThaiBinhCity, attributes));
        return twin;
    }

    /// <summary>The latest state of every alert of <paramref name="type"/> on <paramref name="twinId"/>, oldest first.</summary>
    public IReadOnlyList<AlertSnapshot> AlertsOf(string twinId, string type) =>
        Alerts.Seen
            .Where(a => a.TwinId == twinId && a.Type == type)
            .GroupBy(a => a.Id)
            .Select(g => g.MaxBy(a => a.Version)!)
            .OrderBy(a => a.RaisedAt)
            .ToList();

    /// <summary>The alert of <paramref name="type"/> on <paramref name="twinId"/> as it is now; <c>null</c> if none was ever raised.</summary>
    public async Task<AlertSnapshot?> AlertAsync(string twinId, string type)
    {
        var seen = Alerts.Seen.LastOrDefault(a => a.TwinId == twinId && a.Type == type);
        return seen is null ? null : await Grains.GetGrain<IAlert>(seen.Id).GetSnapshot();
    }

    /// <summary>How many times alerts of <paramref name="type"/> on <paramref name="twinId"/> were raised (first raise or repeat).</summary>
    public int RaiseCount(string twinId, string type) =>
        Alerts.Seen.Where(a => a.TwinId == twinId && a.Type == type).Select(a => (a.Id, a.RepeatCount)).Distinct().Count();

    public async Task<string[]> ActiveWarningsAsync(IDeviceTwin twin) => (await twin.GetSnapshot()).ActiveWarnings.ToArray();

    /// <summary>Waits (real time) for an alert a timer raises or clears on the silo's thread pool.</summary>
    public Task<IReadOnlyList<AlertSnapshot>> EventuallyAsync(string twinId, string type, Func<IReadOnlyList<AlertSnapshot>, bool> condition) =>
        Eventually.Until(() => Task.FromResult(AlertsOf(twinId, type)), condition);

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}
