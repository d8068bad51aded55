using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Devices.Cameras;
using SmartCity.Twin.Grains.Devices.FireAlarms;
using SmartCity.Twin.Grains.Devices.Intersections;
using SmartCity.Twin.Grains.Devices.ServiceCounters;
using SmartCity.Twin.Grains.Districts;
using SmartCity.Twin.Grains.Telemetry;

namespace SmartCity.Twin.Grains.Tests.Twins;

public sealed class DeviceTwinTests
{
    [Fact]
    public async Task Provisioning_assigns_the_district_whose_polygon_contains_the_device()
    {
        await using var cluster = await TwinCluster.StartAsync();
        var camera = cluster.GrainFactory.GetGrain<ICameraTwin>("cam-001");

        var snapshot = await camera.Provision(new DeviceProvisioning(
            "Camera cổng Bệnh viện Đa khoa tỉnh", Places.ThaiBinhCity, new Dictionary<string, string> { ["site"] = "hospital" }));

        Assert.True(snapshot.IsProvisioned);
        Assert.Equal("cam-001", snapshot.Id);
        Assert.Equal(DeviceKind.Camera, snapshot.Kind);
        Assert.Equal("thai-binh", snapshot.DistrictId);
        Assert.Equal(Places.ThaiBinhCity, snapshot.Location);
        Assert.Equal("hospital", snapshot.Attributes["site"]);
        Assert.Equal(DeviceLiveness.Unknown, snapshot.Liveness);
        Assert.Equal(cluster.TimeProvider.GetUtcNow(), snapshot.ProvisionedAt);
    }

    [Fact]
    public async Task A_device_outside_the_province_has_no_district_and_is_in_no_rollup()
    {
        await using var cluster = await TwinCluster.StartAsync();

        var snapshot = await cluster.GrainFactory.GetGrain<ICameraTwin>("cam-hn").Provision(new DeviceProvisioning("Hà Nội", Places.HaNoi));

        Assert.True(snapshot.IsProvisioned);
        Assert.Null(snapshot.DistrictId);
    }

    [Fact]
    public async Task Reprovisioning_elsewhere_moves_the_device_to_the_other_district_rollup()
    {
        await using var cluster = await TwinCluster.StartAsync();
        var camera = cluster.GrainFactory.GetGrain<ICameraTwin>("cam-002");
        await camera.Provision(new DeviceProvisioning("Camera", Places.ThaiBinhCity));
        var city = cluster.GrainFactory.GetGrain<IDistrictTwin>("thai-binh");
        await Eventually.Until(city.GetRollup, r => r.Devices.Total == 1);

        var moved = await camera.Provision(new DeviceProvisioning("Camera cảng Diêm Điền", Places.DiemDien));

        Assert.Equal("thai-thuy", moved.DistrictId);
        Assert.Equal("Camera cảng Diêm Điền", moved.Name);
        var thaiThuy = await Eventually.Until(cluster.GrainFactory.GetGrain<IDistrictTwin>("thai-thuy").GetRollup, r => r.Devices.Total == 1);
        Assert.Equal(1, thaiThuy.DevicesByKind[DeviceKind.Camera].Unknown);
        Assert.Equal(0, (await Eventually.Until(city.GetRollup, r => r.Devices.Total == 0)).Devices.Total);
    }

    [Fact]
    public async Task Provisioning_rejects_a_blank_name_or_an_invalid_position()
    {
        await using var cluster = await TwinCluster.StartAsync();
        var camera = cluster.GrainFactory.GetGrain<ICameraTwin>("cam-bad");

        await Assert.ThrowsAnyAsync<ArgumentException>(() => camera.Provision(new DeviceProvisioning(" ", Places.ThaiBinhCity)));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => camera.Provision(new DeviceProvisioning("Camera", new(200, 20))));
    }

    [Fact]
    public async Task Telemetry_updates_the_latest_values_and_keeps_a_bounded_history_dropping_the_oldest()
    {
        await using var cluster = await TwinCluster.StartAsync(o => o.HistoryCapacity = 8);
        var sensor = cluster.GrainFactory.GetGrain<IIntersectionTwin>("int-001");
        await sensor.Provision(new DeviceProvisioning("Ngã tư Lý Bôn – Trần Hưng Đạo", Places.ThaiBinhCity));
        var t0 = cluster.TimeProvider.GetUtcNow();

        for (var i = 0; i < 20; i++)
        {
            await sensor.ReportTelemetry(TelemetryBatch.Of(t0.AddSeconds(i - 20), ("queue_length", i), ("speed", 40 + i)));
        }

        var history = await sensor.GetHistory("queue_length");
        Assert.Equal(8, history.Capacity);
        Assert.Equal(Enumerable.Range(12, 8).Select(i => (double)i), history.Samples.Select(s => s.Value));
        Assert.Equal(t0.AddSeconds(-8), history.Samples[0].Timestamp);

        var snapshot = await sensor.GetSnapshot();
        Assert.Equal(19, snapshot.Metrics.Single(m => m.Metric == "queue_length").Value);
        Assert.Equal(59, snapshot.Metrics.Single(m => m.Metric == "speed").Value);
        Assert.Equal(t0.AddSeconds(-1), snapshot.Metrics.Single(m => m.Metric == "speed").Timestamp);
        Assert.Empty((await sensor.GetHistory("never-reported")).Samples);
    }

    [Fact]
    public async Task An_out_of_order_point_enters_the_history_but_does_not_overwrite_the_latest_value()
    {
        await using var cluster = await TwinCluster.StartAsync();
        var counter = cluster.GrainFactory.GetGrain<IServiceCounterTwin>("counter-07");
        var t0 = cluster.TimeProvider.GetUtcNow();

        await counter.ReportTelemetry(TelemetryBatch.Of(t0.AddMinutes(-1), ("queue_length", 4)));
        await counter.ReportTelemetry(TelemetryBatch.Of(t0.AddMinutes(-3), ("queue_length", 9)));

        var latest = (await counter.GetSnapshot()).Metrics.Single();
        Assert.Equal(4, latest.Value);
        Assert.Equal(t0.AddMinutes(-1), latest.Timestamp);
        Assert.Equal([9.0, 4.0], (await counter.GetHistory("queue_length")).Samples.Select(s => s.Value));
    }

    [Fact]
    public async Task Points_from_a_device_clock_far_in_the_future_or_with_invalid_values_are_dropped()
    {
        await using var cluster = await TwinCluster.StartAsync(o => o.MaxClockSkew = TimeSpan.FromMinutes(5));
        var alarm = cluster.GrainFactory.GetGrain<IFireAlarmTwin>("fire-01");
        var now = cluster.TimeProvider.GetUtcNow();

        await alarm.ReportTelemetry(new TelemetryBatch([
            new TelemetryPoint("temperature", 30, now),
            new TelemetryPoint("temperature", 99, now.AddHours(1)),
            new TelemetryPoint("smoke", double.NaN, now),
            new TelemetryPoint("bad name", 1, now),
        ]));

        var snapshot = await alarm.GetSnapshot();
        Assert.Equal(30, Assert.Single(snapshot.Metrics).Value);
    }

    [Fact]
    public async Task Liveness_follows_messages_and_status_reports_in_time_order()
    {
        await using var cluster = await TwinCluster.StartAsync();
        var camera = cluster.GrainFactory.GetGrain<ICameraTwin>("cam-010");
        await camera.Provision(new DeviceProvisioning("Camera", Places.QuynhCoi));
        var clock = cluster.TimeProvider;
        Assert.Equal(DeviceLiveness.Unknown, (await camera.GetSnapshot()).Liveness);

        var seenAt = clock.GetUtcNow();
        await camera.ReportTelemetry(TelemetryBatch.Of(seenAt, ("motion_score", 0.2)));
        var online = await camera.GetSnapshot();
        Assert.Equal(DeviceLiveness.Online, online.Liveness);
        Assert.Equal(seenAt, online.LastSeen);
        Assert.Equal(seenAt, online.LivenessChangedAt);

        clock.Advance(TimeSpan.FromMinutes(2));
        var offlineAt = clock.GetUtcNow();
        await camera.ReportStatus(DeviceStatus.Offline, offlineAt);
        var offline = await camera.GetSnapshot();
        Assert.Equal(DeviceLiveness.Offline, offline.Liveness);
        Assert.Equal(offlineAt, offline.LivenessChangedAt);
        Assert.Equal(seenAt, offline.LastSeen);

        await camera.ReportStatus(DeviceStatus.Online, offlineAt.AddSeconds(-30));
        Assert.Equal(DeviceLiveness.Offline, (await camera.GetSnapshot()).Liveness);

        clock.Advance(TimeSpan.FromMinutes(1));
        await camera.ReportAnalyticsEvent(new CameraAnalyticsEvent(CameraEventType.Motion, clock.GetUtcNow()));
        var back = await camera.GetSnapshot();
        Assert.Equal(DeviceLiveness.Online, back.Liveness);
        Assert.Equal(clock.GetUtcNow(), back.LastSeen);

        await camera.ReportStatus(DeviceStatus.Offline, offlineAt.AddSeconds(30));
        Assert.Equal(DeviceLiveness.Online, (await camera.GetSnapshot()).Liveness);
    }

    [Fact]
    public async Task Reported_and_desired_properties_merge_and_a_null_removes_one()
    {
        await using var cluster = await TwinCluster.StartAsync();
        var camera = cluster.GrainFactory.GetGrain<ICameraTwin>("cam-020");

        await camera.ReportProperties(new Dictionary<string, string?> { ["firmware"] = "2.1.0", ["resolution"] = "1080p" });
        await camera.ReportProperties(new Dictionary<string, string?> { ["resolution"] = null });
        var first = await camera.SetDesired(new Dictionary<string, string?> { ["resolution"] = "4k", ["fps"] = "25" });
        var unchanged = await camera.SetDesired(new Dictionary<string, string?> { ["fps"] = "25" });
        var second = await camera.SetDesired(new Dictionary<string, string?> { ["fps"] = null });

        var snapshot = await camera.GetSnapshot();
        Assert.Equal(new Dictionary<string, string> { ["firmware"] = "2.1.0" }, snapshot.Reported);
        Assert.Equal(1, first.Version);
        Assert.Equal(1, unchanged.Version);
        Assert.Equal(2, second.Version);
        Assert.Equal(new Dictionary<string, string> { ["resolution"] = "4k" }, snapshot.Desired.Properties);
        Assert.Equal(DeviceLiveness.Online, snapshot.Liveness);
    }

    [Fact]
    public async Task Warnings_are_raised_and_cleared_idempotently()
    {
        await using var cluster = await TwinCluster.StartAsync();
        var camera = cluster.GrainFactory.GetGrain<ICameraTwin>("cam-030");

        await camera.RaiseWarning(WarningTypes.Tamper);
        await camera.RaiseWarning(WarningTypes.Intrusion);
        await camera.RaiseWarning(WarningTypes.Intrusion);
        Assert.Equal([WarningTypes.Intrusion, WarningTypes.Tamper], (await camera.GetSnapshot()).ActiveWarnings);

        await camera.ClearWarning(WarningTypes.Intrusion);
        await camera.ClearWarning(WarningTypes.Intrusion);
        Assert.Equal([WarningTypes.Tamper], (await camera.GetSnapshot()).ActiveWarnings);
    }

    [Theory]
    [InlineData(DeviceKind.Camera)]
    [InlineData(DeviceKind.EnvironmentSensor)]
    [InlineData(DeviceKind.FireAlarm)]
    [InlineData(DeviceKind.Intersection)]
    [InlineData(DeviceKind.ServiceCounter)]
    public async Task A_gateway_reaches_the_twin_of_any_kind_by_kind_and_id(DeviceKind kind)
    {
        await using var cluster = await TwinCluster.StartAsync();

        var snapshot = await cluster.GrainFactory.GetDeviceTwin(kind, "dev-1").Provision(new DeviceProvisioning("Thiết bị", Places.QuynhCoi));

        Assert.Equal(kind, snapshot.Kind);
        Assert.Equal("quynh-phu", snapshot.DistrictId);
    }

    [Fact]
    public async Task A_camera_keeps_its_most_recent_analytics_events_newest_first()
    {
        await using var cluster = await TwinCluster.StartAsync(o => o.CameraEventCapacity = 3);
        var camera = cluster.GrainFactory.GetGrain<ICameraTwin>("cam-040");
        var t0 = cluster.TimeProvider.GetUtcNow();

        await camera.ReportAnalyticsEvent(new CameraAnalyticsEvent(CameraEventType.Motion, t0.AddSeconds(-40)));
        await camera.ReportAnalyticsEvent(new CameraAnalyticsEvent(CameraEventType.PlateRead, t0.AddSeconds(-10), PlateNumber: "17A-123.45"));
        await camera.ReportAnalyticsEvent(new CameraAnalyticsEvent(CameraEventType.Intrusion, t0.AddSeconds(-30), Zone: "kho"));
        await camera.ReportAnalyticsEvent(new CameraAnalyticsEvent(CameraEventType.Tamper, t0));

        var events = await camera.GetRecentEvents();
        Assert.Equal([CameraEventType.Tamper, CameraEventType.PlateRead, CameraEventType.Intrusion], events.Select(e => e.Type));
        Assert.Equal("17A-123.45", events[1].PlateNumber);
    }

    [Fact]
    public async Task Kind_specific_states_ignore_older_reports()
    {
        await using var cluster = await TwinCluster.StartAsync();
        var t0 = cluster.TimeProvider.GetUtcNow();
        var alarm = cluster.GrainFactory.GetGrain<IFireAlarmTwin>("fire-02");
        var counter = cluster.GrainFactory.GetGrain<IServiceCounterTwin>("counter-02");
        var crossing = cluster.GrainFactory.GetGrain<IIntersectionTwin>("int-02");

        await alarm.ReportPanelState(FirePanelState.Alarm, t0);
        await alarm.ReportPanelState(FirePanelState.Normal, t0.AddSeconds(-5));
        await counter.ReportOfficerPresence(false, t0);
        await counter.ReportOfficerPresence(true, t0.AddSeconds(-5));
        await crossing.ReportSignalPhase("NS-green", t0);
        await crossing.ReportSignalPhase("EW-green", t0.AddSeconds(-5));

        Assert.Equal(new FirePanelStatus(FirePanelState.Alarm, t0), await alarm.GetPanelStatus());
        Assert.Equal(new OfficerPresence(false, t0), await counter.GetOfficerPresence());
        Assert.Equal(new SignalPhase("NS-green", t0), await crossing.GetSignalPhase());
    }
}
