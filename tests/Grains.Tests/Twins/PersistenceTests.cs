using Microsoft.Extensions.DependencyInjection;
using SmartCity.Twin.Grains.AirQuality;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Devices.Cameras;
using SmartCity.Twin.Grains.Devices.EnvironmentSensors;
using SmartCity.Twin.Grains.Districts;
using SmartCity.Twin.Grains.Province;
using SmartCity.Twin.Grains.Telemetry;
using SmartCity.Twin.Runtime;
using SmartCity.Twin.Runtime.Storage;
using SmartCity.Twin.Runtime.Testing;

namespace SmartCity.Twin.Grains.Tests.Twins;

public sealed class PersistenceTests
{
    [Fact]
    public async Task Twins_and_rollups_are_the_same_after_a_cluster_restart()
    {
        await using var cluster = await TwinCluster.StartAsync(o => o.HistoryCapacity = 16);
        var clock = cluster.TimeProvider;
        var camera = cluster.GrainFactory.GetGrain<ICameraTwin>("cam-restart");
        var sensor = cluster.GrainFactory.GetGrain<IEnvironmentSensorTwin>("env-restart");
        await camera.Provision(new DeviceProvisioning("Camera Trung tâm hành chính công", Places.ThaiBinhCity));
        await sensor.Provision(new DeviceProvisioning("Trạm quan trắc Diêm Điền", Places.DiemDien));
        for (var i = 0; i < 40; i++)
        {
            var at = clock.GetUtcNow();
            await camera.ReportTelemetry(TelemetryBatch.Of(at, ("people_count", i)));
            await sensor.ReportTelemetry(TelemetryBatch.Of(at, (PollutantMetrics.Pm25, 40 + i), ("humidity", 80)));
            clock.Advance(TimeSpan.FromMinutes(3));
        }

        await camera.ReportAnalyticsEvent(new CameraAnalyticsEvent(CameraEventType.PersonAbsent, clock.GetUtcNow(), Zone: "quầy 3"));
        await camera.RaiseWarning(WarningTypes.Intrusion);
        await camera.SetDesired(new Dictionary<string, string?> { ["fps"] = "15" });
        await sensor.ReportStatus(DeviceStatus.Offline, clock.GetUtcNow());

        var cameraBefore = await camera.GetSnapshot();
        var historyBefore = await camera.GetHistory("people_count");
        var eventsBefore = await camera.GetRecentEvents();
        var sensorBefore = await sensor.GetSnapshot();
        var aqiBefore = await sensor.GetAirQuality();
        var province = cluster.GrainFactory.GetGrain<IProvinceTwin>("thai-binh");
        var provinceBefore = await Eventually.Until(province.GetRollup, r => r.Devices.Total == 2 && r.Devices.Offline == 1 && r.DevicesWithWarnings == 1);
        var districtBefore = await cluster.GrainFactory.GetGrain<IDistrictTwin>("thai-thuy").GetRollup();
        Assert.NotNull(aqiBefore);
        Assert.Equal(16, historyBefore.Samples.Count);

        await cluster.RestartAsync();

        camera = cluster.GrainFactory.GetGrain<ICameraTwin>("cam-restart");
        sensor = cluster.GrainFactory.GetGrain<IEnvironmentSensorTwin>("env-restart");
        Assert.Equivalent(cameraBefore, await camera.GetSnapshot(), strict: true);
        Assert.Equivalent(historyBefore, await camera.GetHistory("people_count"), strict: true);
        Assert.Equivalent(eventsBefore, await camera.GetRecentEvents(), strict: true);
        Assert.Equivalent(sensorBefore, await sensor.GetSnapshot(), strict: true);
        Assert.Equivalent(aqiBefore, await sensor.GetAirQuality(), strict: true);
        Assert.Equivalent(provinceBefore, await cluster.GrainFactory.GetGrain<IProvinceTwin>("thai-binh").GetRollup(), strict: true);
        Assert.Equivalent(districtBefore, await cluster.GrainFactory.GetGrain<IDistrictTwin>("thai-thuy").GetRollup(), strict: true);
    }

    [Fact]
    public async Task Telemetry_is_saved_by_the_periodic_save_not_per_message()
    {
        await using var cluster = await TwinCluster.StartAsync(o => o.PersistInterval = TimeSpan.FromSeconds(30));
        var camera = cluster.GrainFactory.GetGrain<ICameraTwin>("cam-periodic");
        await camera.Provision(new DeviceProvisioning("Camera", Places.QuynhCoi));
        await camera.ReportTelemetry(TelemetryBatch.Of(cluster.TimeProvider.GetUtcNow(), ("people_count", 1)));
        await camera.ReportTelemetry(TelemetryBatch.Of(cluster.TimeProvider.GetUtcNow().AddSeconds(1), ("people_count", 2)));
        await camera.GetSnapshot();

        var stored = await ReadCameraStateAsync(cluster, "cam-periodic");
        Assert.True(stored.RecordExists);
        Assert.Equal("Camera", stored.State.Name);
        Assert.Equal(DeviceLiveness.Online, stored.State.Liveness);
        Assert.Equal(1, stored.State.Metrics.Single().LatestValue);

        cluster.TimeProvider.Advance(TimeSpan.FromSeconds(31));

        stored = await Eventually.Until(() => ReadCameraStateAsync(cluster, "cam-periodic"), s => s.State.Metrics.SingleOrDefault()?.LatestValue == 2);
        Assert.Equal(2, stored.State.Metrics.Single().LatestValue);
        Assert.Equal(2, stored.State.Metrics.Single().Count);
    }

    private static async Task<StoredState<CameraTwinState>> ReadCameraStateAsync(InProcessTestCluster cluster, string id)
    {
        var storage = cluster.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default);
        var stored = new StoredState<CameraTwinState>();
        await storage.ReadStateAsync("twin", new GrainId("camera", id), stored);
        return stored;
    }
}
