using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Devices.Cameras;
using SmartCity.Twin.Grains.Telemetry;

namespace SmartCity.Twin.Grains.Tests.Warnings.Intrusion;

public sealed class CameraWarningTests
{
    [Fact]
    public async Task A_night_intrusion_raises_one_intrusion_from_the_first_restricted_motion()
    {
        await using var cluster = await WarningCluster.StartAsync();
        var camera = await cluster.ProvisionAsync<ICameraTwin>("school-gate", "Camera cổng trường");
        await GoToLocalTimeAsync(cluster, camera, new TimeSpan(0, 58, 0));
        var first = cluster.Now;

        // As the night-theft-school drill: restricted motion every minute, intrusion events every two.
        for (var minute = 0; minute <= 14; minute++)
        {
            await camera.ReportAnalyticsEvent(new CameraAnalyticsEvent(CameraEventType.Motion, first.AddMinutes(minute), "restricted", Confidence: 0.81));
            if (minute >= 2 && minute % 2 == 0)
            {
                await camera.ReportAnalyticsEvent(new CameraAnalyticsEvent(CameraEventType.Intrusion, first.AddMinutes(minute), "restricted", Confidence: 0.93));
            }
        }

        var intrusion = Assert.Single(cluster.AlertsOf("school-gate", WarningTypes.Intrusion));
        Assert.Equal(first, intrusion.RaisedAt);
        Assert.Equal(1, intrusion.RepeatCount);
        Assert.Equal(AlertSeverity.High, intrusion.Severity);
        Assert.StartsWith("Chuyển động trong vùng cấm \"restricted\": 2 lần", intrusion.Message);
        Assert.Equal(2, intrusion.Evidence["events"]);
        Assert.Null(intrusion.ClearedAt);
    }

    [Fact]
    public async Task Ordinary_daytime_motion_people_plates_and_violations_raise_nothing()
    {
        await using var cluster = await WarningCluster.StartAsync();
        var camera = await cluster.ProvisionAsync<ICameraTwin>("junction-cam", "Camera ngã tư");
        await GoToLocalTimeAsync(cluster, camera, new TimeSpan(7, 30, 0));
        var start = cluster.Now;
        for (var i = 0; i < 30; i++)
        {
            var at = start.AddSeconds(20 * i);
            var type = (i % 4) switch
            {
                0 => CameraEventType.Motion,
                1 => CameraEventType.PersonPresent,
                2 => CameraEventType.PlateRead,
                _ => CameraEventType.Violation,
            };
            await camera.ReportAnalyticsEvent(new CameraAnalyticsEvent(type, at, "stop-line", type is CameraEventType.PlateRead or CameraEventType.Violation ? "17A-123.45" : null, 0.9));
        }

        Assert.Empty(cluster.Alerts.Seen);
    }

    [Fact]
    public async Task An_event_in_the_smoke_zone_raises_smoke_at_its_time_once_and_it_clears_after_a_quiet_quarter_hour()
    {
        await using var cluster = await WarningCluster.StartAsync();
        var camera = await cluster.ProvisionAsync<ICameraTwin>("hospital-cam", "Camera bệnh viện");
        var seenAt = cluster.Now.AddSeconds(-5);
        for (var minute = 0; minute < 4; minute++)
        {
            await camera.ReportAnalyticsEvent(new CameraAnalyticsEvent(CameraEventType.Motion, seenAt.AddMinutes(minute), "smoke", Confidence: 0.86));
        }

        var smoke = Assert.Single(cluster.AlertsOf("hospital-cam", WarningTypes.Smoke));
        Assert.Equal(seenAt, smoke.RaisedAt);
        Assert.Equal(1, smoke.RepeatCount);
        Assert.Equal(0.86, smoke.Evidence["confidence"]);
        Assert.Empty(cluster.AlertsOf("hospital-cam", WarningTypes.Intrusion));

        cluster.Clock.Advance(TimeSpan.FromMinutes(20));
        await camera.ReportTelemetry(TelemetryBatch.Of(cluster.Now, ("people_count", 3)));

        smoke = Assert.Single(cluster.AlertsOf("hospital-cam", WarningTypes.Smoke));
        Assert.NotNull(smoke.ClearedAt);
        Assert.DoesNotContain(WarningTypes.Smoke, (await camera.GetSnapshot()).ActiveWarnings);
    }

    [Fact]
    public async Task A_tamper_during_an_intrusion_is_critical_and_a_tamper_alone_is_not()
    {
        await using var cluster = await WarningCluster.StartAsync();
        var school = await cluster.ProvisionAsync<ICameraTwin>("yard-cam", "Camera sân trường");
        var office = await cluster.ProvisionAsync<ICameraTwin>("lobby-cam", "Camera sảnh UBND");
        var at = cluster.Now;
        await school.ReportAnalyticsEvent(new CameraAnalyticsEvent(CameraEventType.Intrusion, at, "restricted", Confidence: 0.93));

        await school.ReportAnalyticsEvent(new CameraAnalyticsEvent(CameraEventType.Tamper, at.AddMinutes(2), Confidence: 0.9));
        await office.ReportAnalyticsEvent(new CameraAnalyticsEvent(CameraEventType.Tamper, at.AddMinutes(2), Confidence: 0.9));

        var critical = Assert.Single(cluster.AlertsOf("yard-cam", WarningTypes.Tamper));
        Assert.Equal(at.AddMinutes(2), critical.RaisedAt);
        Assert.Equal(AlertSeverity.Critical, critical.Severity);
        Assert.Contains("đang có xâm nhập", critical.Message);
        Assert.Equal(1, critical.Evidence["intrusion_in_progress"]);
        var plain = Assert.Single(cluster.AlertsOf("lobby-cam", WarningTypes.Tamper));
        Assert.Equal(AlertSeverity.High, plain.Severity);
    }

    [Fact]
    public async Task A_camera_going_dark_during_an_intrusion_raises_a_critical_offline_saying_so()
    {
        await using var cluster = await WarningCluster.StartAsync();
        var camera = await cluster.ProvisionAsync<ICameraTwin>("pole-cam", "Camera cột đèn");
        await camera.ReportAnalyticsEvent(new CameraAnalyticsEvent(CameraEventType.Intrusion, cluster.Now, "restricted"));
        cluster.Clock.Advance(TimeSpan.FromMinutes(1));
        var lostAt = cluster.Now;

        await camera.ReportStatus(DeviceStatus.Offline, lostAt);
        cluster.Clock.Advance(TimeSpan.FromMinutes(1));

        var offline = Assert.Single(await cluster.EventuallyAsync("pole-cam", WarningTypes.Offline, a => a.Count == 1));
        Assert.Equal(lostAt, offline.RaisedAt);
        Assert.Equal(AlertSeverity.Critical, offline.Severity);
        Assert.Contains("đang có xâm nhập", offline.Message);
    }

    /// <summary>Moves the clock to the next <paramref name="local"/> time of day (UTC+7), with heartbeats every 5 minutes of the last hour.</summary>
    private static async Task GoToLocalTimeAsync(WarningCluster cluster, ICameraTwin camera, TimeSpan local)
    {
        var now = cluster.Now.ToOffset(TimeSpan.FromHours(7));
        var target = new DateTimeOffset(now.Date + local, now.Offset);
        if (target <= now.AddHours(1))
        {
            target = target.AddDays(1);
        }

        cluster.Clock.Advance(target.AddHours(-1) - cluster.Now);
        for (var i = 0; i < 12; i++)
        {
            await camera.ReportTelemetry(TelemetryBatch.Of(cluster.Now, ("people_count", 0)));
            cluster.Clock.Advance(TimeSpan.FromMinutes(5));
        }
    }
}
