using System.Net.Http.Json;
using System.Text.Json;
using static SmartCity.Twin.Silo.Tests.Demo.DemoTwins;

namespace SmartCity.Twin.Silo.Tests.Demo;

/// <summary>
/// <c>dotnet run --project silo</c> with the default settings shows a living province: the demo devices report through
/// the twin's own message path from the moment the silo is ready, and stop before the twins are written on Ctrl+C.
/// </summary>
public sealed class LivingDemoTests
{
    private const string Station = "tb-aq-01";
    private const string Counter = "tb-counter-01";

    [Fact]
    public async Task With_the_default_settings_the_demo_province_comes_alive_and_keeps_changing()
    {
        using var data = new TempDataFolder();
        await using var silo = SiloProcess.Start(data.Path, "--Storage:Provider", "memory");
        await silo.WaitUntilHealthyAsync();

        var station = await WaitUntilAsync(
            silo, Station, "online with air-quality readings", t => IsOnline(t) && HasMetric(t, "pm2_5") && HasMetric(t, "humidity"));
        var pm25 = Metric(station, "pm2_5")!.Value;
        Assert.InRange(Value(pm25), 0, 1000);
        Assert.InRange(Value(Metric(station, "humidity")!.Value), 0, 100);
        Assert.Equal("demo", station.GetProperty("attributes").GetProperty("source").GetString());

        var counter = await WaitUntilAsync(
            silo, Counter, "online with queue readings", t => IsOnline(t) && HasMetric(t, "queue_length") && HasMetric(t, "tickets_served"));
        var queue = Metric(counter, "queue_length")!.Value;
        Assert.True(Value(queue) >= 0);
        if (!CounterIsOpen(Timestamp(queue)))
        {
            // Nobody queues at a closed counter, and nobody is served.
            Assert.Equal(0, Value(queue));
            Assert.Equal(0, Value(Metric(counter, "tickets_served")!.Value));
        }

        // A station reports every minute: a newer reading arrives, and with it values that differ from the first.
        var before = Values(station);
        var later = await WaitUntilAsync(
            silo, Station, "a newer reading", t => Metric(t, "pm2_5") is { } reading && Timestamp(reading) > Timestamp(pm25), TimeSpan.FromMinutes(4));
        Assert.Contains(Values(later), m => before.TryGetValue(m.Key, out var old) && old != m.Value);
        Assert.Contains("Demo province Thái Bình is live", silo.Output, StringComparison.Ordinal);

        Assert.Equal(0, await silo.StopAsync());
    }

    [Fact]
    public async Task With_Demo_Live_false_the_province_is_provisioned_but_nothing_reports()
    {
        using var data = new TempDataFolder();
        await using var silo = SiloProcess.Start(data.Path, "--Storage:Provider", "memory", "--Demo:Live", "false");
        await silo.WaitUntilHealthyAsync();

        // A live demo reports every device's first readings right after readiness; give a silent one as long to prove it silent.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var station = await GetAsync(silo, Station);

        Assert.True(station.GetProperty("isProvisioned").GetBoolean());
        Assert.Equal(0, station.GetProperty("metrics").GetArrayLength());
        Assert.False(IsOnline(station));
        Assert.DoesNotContain("is live", silo.Output, StringComparison.Ordinal);
        Assert.Equal(0, await silo.StopAsync());
    }

    [Fact]
    public async Task Above_speed_1_the_demo_replays_the_past_day_fast()
    {
        using var data = new TempDataFolder();
        await using var silo = SiloProcess.Start(data.Path, "--Storage:Provider", "memory", "--Demo:Speed", "600");
        await silo.WaitUntilHealthyAsync();
        var startedAt = DateTimeOffset.UtcNow;

        var first = await WaitUntilAsync(silo, Station, "a PM2.5 reading", t => HasMetric(t, "pm2_5"));
        var firstReading = Timestamp(Metric(first, "pm2_5")!.Value);
        Assert.True(firstReading < startedAt - TimeSpan.FromHours(20), $"The first reading is from {firstReading:O}, not a day ago.");

        // Ten simulated minutes a second: an hour of readings arrives within the wait, where real time would take an hour.
        await WaitUntilAsync(
            silo, Station, "readings an hour later", t => Timestamp(Metric(t, "pm2_5")!.Value) >= firstReading + TimeSpan.FromHours(1));
        Assert.Contains("report at 600x", silo.Output, StringComparison.Ordinal);
        Assert.Equal(0, await silo.StopAsync());
    }

    [Fact]
    public async Task Demo_Scale_sets_how_many_devices_the_province_has()
    {
        using var data = new TempDataFolder();
        await using var silo = SiloProcess.Start(data.Path, "--Storage:Provider", "memory", "--Demo:Live", "false", "--Demo:Scale", "1000");
        await silo.WaitUntilHealthyAsync();

        var province = await silo.AdminHttp.GetFromJsonAsync<JsonElement>(new Uri("api/v1/province", UriKind.Relative));

        Assert.Equal(1000, province.GetProperty("rollup").GetProperty("devices").GetProperty("total").GetInt32());
        Assert.Contains("Provisioning the demo province Thái Bình: 1000 devices", silo.Output, StringComparison.Ordinal);
        Assert.Equal(0, await silo.StopAsync());
    }

    [Theory]
    [InlineData(SiloProcess.SigInt)]
    [InlineData(SiloProcess.SigTerm)]
    public async Task Stopping_the_silo_silences_the_demo_first_and_its_last_readings_survive_a_restart(int signal)
    {
        using var data = new TempDataFolder();
        DateTimeOffset lastSeenReading;
        await using (var first = SiloProcess.Start(data.Path))
        {
            await first.WaitUntilHealthyAsync();
            var station = await WaitUntilAsync(first, Station, "a PM2.5 reading", t => HasMetric(t, "pm2_5"));
            lastSeenReading = Timestamp(Metric(station, "pm2_5")!.Value);

            Assert.Equal(0, await first.StopAsync(signal));

            var output = first.Output;
            var demoStopped = output.IndexOf("Demo province stopped reporting", StringComparison.Ordinal);
            var runtimeStopping = output.IndexOf("Grain runtime stopping", StringComparison.Ordinal);
            Assert.True(demoStopped >= 0, "The demo did not say it stopped:\n" + output);
            Assert.True(runtimeStopping > demoStopped, "The runtime stopped before the demo:\n" + output);
        }

        await using var second = SiloProcess.Start(data.Path, "--Demo:Live", "false");
        await second.WaitUntilHealthyAsync();

        var restored = await GetAsync(second, Station);
        Assert.True(Timestamp(Metric(restored, "pm2_5")!.Value) >= lastSeenReading);
        Assert.Equal(0, await second.StopAsync());
    }

    /// <summary>Vietnamese public-service centres (UTC+7): Monday to Friday 07:30–11:30 and 13:30–17:00, Saturday mornings.</summary>
    private static bool CounterIsOpen(DateTimeOffset at)
    {
        var local = at.ToOffset(TimeSpan.FromHours(7));
        var time = local.TimeOfDay;
        var morning = time >= new TimeSpan(7, 30, 0) && time < new TimeSpan(11, 30, 0);
        var afternoon = time >= new TimeSpan(13, 30, 0) && time < new TimeSpan(17, 0, 0);
        return local.DayOfWeek switch
        {
            DayOfWeek.Sunday => false,
            DayOfWeek.Saturday => morning,
            _ => morning || afternoon,
        };
    }
}
