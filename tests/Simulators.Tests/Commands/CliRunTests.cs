using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Simulation.Province;
using SmartCity.Twin.Simulators.Running;
using SmartCity.Twin.Simulators.Tests.Transports;
using SmartCity.Twin.Simulators.Transports;

namespace SmartCity.Twin.Simulators.Tests.Commands;

/// <summary>
/// `run` against a whole silo on real sockets: the Thái Bình province provisioned through the API, its devices over MQTT
/// and HTTP, the twins alive. One silo per test: every run provisions the same device ids.
/// </summary>
public sealed class CliRunTests
{
    private static readonly SimulatedProvince ThaiBinh = SimulatedProvince.Create(ProvinceMap.Load("thai-binh"));

    [Fact]
    public async Task A_short_fast_run_provisions_the_province_and_its_twins_report_over_mqtt_and_http()
    {
        using var silo = new InProcessSilo();
        using var admin = silo.CreateAdminClient();
        var cli = new CliConsole();

        var exit = await cli.RunAsync(Run(silo, "--duration", "10m", "--speed", "600", "--http-share", "0.05"));

        Assert.True(exit == ExitCodes.Succeeded, cli.Output);
        Assert.Contains(ProvinceMap.Attribution, cli.Output, StringComparison.Ordinal);
        Assert.Equal(0, CliSummary.Count(cli.Output, "Refused by the twin"));
        Assert.Equal(0, CliSummary.Count(cli.Output, "Failed to deliver"));
        Assert.True(CliSummary.Count(cli.Output, "Sent: telemetry") > 0, cli.Output);

        var station = await TwinProbe.GetAsync(admin, "tb-aq-01");
        Assert.NotNull(TwinProbe.Metric(station, "pm2_5"));
        Assert.True(TwinProbe.HasMetrics(await TwinProbe.GetAsync(admin, "tb-ix-01")));
        foreach (var device in ThaiBinh.Devices)
        {
            var twin = await TwinProbe.GetAsync(admin, device.Id);
            Assert.NotEqual("Unknown", TwinProbe.Liveness(twin));
        }

        // The devices the run's seed sent over HTTP were heard too.
        var http = TransportPlan.Create(ThaiBinh.Devices, DeviceTransport.Device, 0.05, seed: 2020).HttpDevices;
        Assert.NotEmpty(http);
        foreach (var device in http)
        {
            var twin = await TwinProbe.GetAsync(admin, device.Id);
            Assert.True(twin.GetProperty("lastSeen").ValueKind != System.Text.Json.JsonValueKind.Null, $"{device.Id} was never heard: {twin}");
        }
    }

    [Fact]
    public async Task Running_again_against_the_same_twin_gets_fresh_credentials_and_works()
    {
        using var silo = new InProcessSilo();
        var first = new CliConsole();
        var again = new CliConsole();

        var firstExit = await first.RunAsync(Run(silo, "--duration", "5m", "--speed", "600"));
        var againExit = await again.RunAsync(Run(silo, "--duration", "5m", "--speed", "600"));

        Assert.True(firstExit == ExitCodes.Succeeded, first.Output);
        Assert.True(againExit == ExitCodes.Succeeded, again.Output);
        Assert.Equal(0, CliSummary.Count(again.Output, "Refused by the twin"));
        Assert.Equal(0, CliSummary.Count(again.Output, "Failed to deliver"));
        Assert.True(CliSummary.Count(again.Output, "Sent: telemetry") > 0, again.Output);
    }

    [Fact]
    public async Task A_run_until_stopped_keeps_the_province_online_and_stopping_takes_it_offline()
    {
        using var silo = new InProcessSilo();
        using var admin = silo.CreateAdminClient();
        using var stop = new CancellationTokenSource();
        var cli = new CliConsole();

        var run = cli.RunAsync(stop.Token, Run(silo, "--speed", "60", "--http-share", "0"));
        await TwinProbe.WaitUntilAsync(admin, "tb-aq-01", t => TwinProbe.Liveness(t) == "Online" && TwinProbe.Metric(t, "pm2_5") is not null);
        await stop.CancelAsync();
        var exit = await run.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(exit == ExitCodes.Succeeded, cli.Output);
        Assert.Contains("Stopped", cli.Output, StringComparison.Ordinal);
        Assert.Equal("Offline", TwinProbe.Liveness(await TwinProbe.WaitUntilAsync(admin, "tb-aq-01", t => TwinProbe.Liveness(t) == "Offline")));
        Assert.Equal("Offline", TwinProbe.Liveness(await TwinProbe.WaitUntilAsync(admin, "tb-cam-001", t => TwinProbe.Liveness(t) == "Offline")));
    }

    [Fact]
    public async Task The_gateway_transport_carries_the_province_over_a_few_connections()
    {
        using var silo = new InProcessSilo();
        using var admin = silo.CreateAdminClient();
        var cli = new CliConsole();

        var exit = await cli.RunAsync(Run(silo, "--transport", "gateway", "--devices-per-gateway", "50", "--http-share", "0", "--duration", "10m", "--speed", "600"));

        Assert.True(exit == ExitCodes.Succeeded, cli.Output);
        Assert.Contains("through 4 gateway connection(s)", cli.Output, StringComparison.Ordinal);
        Assert.Equal(0, CliSummary.Count(cli.Output, "Refused by the twin"));
        Assert.Equal(0, CliSummary.Count(cli.Output, "Failed to deliver"));
        Assert.NotNull(TwinProbe.Metric(await TwinProbe.GetAsync(admin, "tb-aq-01"), "pm2_5"));
        Assert.True(TwinProbe.HasMetrics(await TwinProbe.GetAsync(admin, "tb-ix-01")));
    }

    [Fact]
    public async Task A_wrong_api_key_is_a_clear_refusal_and_exit_code_1()
    {
        using var silo = new InProcessSilo();
        var cli = new CliConsole();

        var exit = await cli.RunAsync("run", "--api", silo.ApiUrl, "--mqtt", silo.MqttAddress, "--api-key", "not-the-key", "--duration", "1m");

        Assert.Equal(ExitCodes.Failed, exit);
        var refusal = cli.Lines[^1];
        Assert.Contains("refused the API key", refusal, StringComparison.Ordinal);
        Assert.Contains("401", refusal, StringComparison.Ordinal);
        Assert.Contains("silo/data/admin-key", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_no_device_can_reach_the_broker_the_run_fails_with_exit_code_1()
    {
        using var silo = new InProcessSilo();
        var cli = new CliConsole();

        var exit = await cli.RunAsync("run", "--api", silo.ApiUrl, "--mqtt", "127.0.0.1:1", "--api-key", InProcessSilo.AdminKey, "--http-share", "0", "--speed", "60");

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("no device could reach the twin", cli.Output, StringComparison.Ordinal);
        Assert.True(cli.Output.Contains("to 127.0.0.1:1", StringComparison.Ordinal), cli.Output);
    }

    private static string[] Run(InProcessSilo silo, params string[] args) =>
        ["run", "--api", silo.ApiUrl, "--mqtt", silo.MqttAddress, "--api-key", InProcessSilo.AdminKey, .. args];
}
