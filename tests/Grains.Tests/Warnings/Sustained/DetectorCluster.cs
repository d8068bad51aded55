using Microsoft.Extensions.DependencyInjection;
using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Hosting;
using SmartCity.Twin.Grains.Tests.Alerts;
using SmartCity.Twin.Grains.Tests.Twins;
using SmartCity.Twin.Grains.Warnings;
using SmartCity.Twin.Runtime;
using SmartCity.Twin.Runtime.Testing;

namespace SmartCity.Twin.Grains.Tests.Warnings.Sustained;

/// <summary>A test silo with the twins' detectors on, a fake clock (Monday 2026-01-05 08:00 in Vietnam) and every alert recorded.</summary>
internal sealed class DetectorCluster : IAsyncDisposable
{
    private readonly InProcessTestCluster cluster;
    private readonly RecordingAlertObserver alerts;

    private DetectorCluster(InProcessTestCluster cluster, RecordingAlertObserver alerts)
    {
        this.cluster = cluster;
        this.alerts = alerts;
    }

    public FakeTimeProvider Clock => cluster.TimeProvider;

    public IGrainFactory Grains => cluster.GrainFactory;

    public static async Task<DetectorCluster> StartAsync(Action<WarningOptions>? configure = null)
    {
        var alerts = new RecordingAlertObserver();
        var cluster = await InProcessTestCluster.CreateBuilder()
            .ConfigureServices(services =>
            {
                services.AddTwinGrains().AddSingleton<IAlertObserver>(alerts);
                services.Configure<WarningOptions>(o => configure?.Invoke(o));
            })
            .StartAsync();
        return new DetectorCluster(cluster, alerts);
    }

    public async Task<T> ProvisionAsync<T>(string id)
        where T : IDeviceTwin
    {
        var twin = Grains.GetGrain<T>(id);
        await twin.Provision(new DeviceProvisioning(id, Places.ThaiBinhCity));
        return twin;
    }

    /// <summary>The alert of <paramref name="type"/> on <paramref name="twinId"/> as it is now; <c>null</c> if none was ever raised.</summary>
    public async Task<AlertSnapshot?> AlertAsync(string twinId, string type)
    {
        var seen = alerts.Seen.LastOrDefault(a => a.TwinId == twinId && a.Type == type);
        return seen is null ? null : await Grains.GetGrain<IAlert>(seen.Id).GetSnapshot();
    }

    /// <summary>How many times alerts of <paramref name="type"/> on <paramref name="twinId"/> were raised (first raise or repeat).</summary>
    public int RaiseCount(string twinId, string type) =>
        alerts.Seen.Where(a => a.TwinId == twinId && a.Type == type).Select(a => (a.Id, a.RepeatCount)).Distinct().Count();

    public async Task<string[]> ActiveWarningsAsync(IDeviceTwin twin) => (await twin.GetSnapshot()).ActiveWarnings.ToArray();

    public ValueTask DisposeAsync() => cluster.DisposeAsync();
}
