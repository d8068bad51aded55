using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace SmartCity.Twin.Silo.Tests.Mqtt;

/// <summary>The silo's MQTT endpoint driven by Eclipse Paho for Python devices (MQTT 3.1.1).</summary>
public sealed class PahoInteropTests(MqttSiloFixture silo) : IClassFixture<MqttSiloFixture>
{
    private const int KeepAliveSeconds = 2;

    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Paho_device_killed_without_disconnect_goes_offline_through_its_will_within_one_and_a_half_keepalives()
    {
        var device = await silo.ProvisionAsync("paho-will");
        await using var paho = await PahoDevice.StartWithWillAsync(silo.MqttPort, device, KeepAliveSeconds, """{"pm2_5": 17.5}""");
        await silo.WaitForTwinAsync(
            device.Id,
            twin => MqttSiloFixture.Liveness(twin) == "Online" && MqttSiloFixture.Metric(twin, "pm2_5") == 17.5,
            Soon,
            "liveness Online and pm2_5 = 17.5");

        paho.Kill();
        var sinceKill = Stopwatch.StartNew();

        // 1.5 × keep-alive is the latest the broker may notice the silence; the margin covers polling and a busy machine.
        var limit = TimeSpan.FromSeconds(1.5 * KeepAliveSeconds) + TimeSpan.FromSeconds(2);
        await silo.WaitForTwinAsync(device.Id, twin => MqttSiloFixture.Liveness(twin) == "Offline", limit, "liveness Offline after SIGKILL");
        Assert.True(sinceKill.Elapsed <= limit, $"went Offline only after {sinceKill.Elapsed}");

        // It was the Will, not only the dropped connection: its retained `offline` replaced the device's `online`.
        var line = await MosquittoClients.SubscribeUntilAsync(
            silo.MqttPort, MosquittoClients.MqttV5, MqttSiloFixture.Operator.Username, MqttSiloFixture.AdminKey,
            device.Topic("status"), $"{device.Topic("status")} offline", Soon);
        Assert.Equal($"{device.Topic("status")} offline", line);
    }

    [Fact]
    public async Task Paho_device_that_falls_silent_with_its_socket_open_is_cut_off_after_one_and_a_half_keepalives_and_its_will_fires()
    {
        var device = await silo.ProvisionAsync("paho-silent");
        await using var paho = await PahoDevice.StartWithWillAsync(silo.MqttPort, device, KeepAliveSeconds, """{"pm2_5": 18.5}""", fallSilent: true);
        var sinceSilent = Stopwatch.StartNew();
        await silo.WaitForTwinAsync(device.Id, twin => MqttSiloFixture.Liveness(twin) == "Online", Soon, "liveness Online");

        var twin = await silo.WaitForTwinAsync(
            device.Id, twin => MqttSiloFixture.Liveness(twin) == "Offline", Soon, "liveness Offline once the keep-alive lapses");

        // Not before 1.5 × keep-alive: the silo must give a device its whole grace period (MQTT-3.1.2-24).
        Assert.True(sinceSilent.Elapsed >= TimeSpan.FromSeconds(1.5 * KeepAliveSeconds) - TimeSpan.FromMilliseconds(200), $"offline after only {sinceSilent.Elapsed}");
        Assert.True(sinceSilent.Elapsed <= TimeSpan.FromSeconds(1.5 * KeepAliveSeconds) + TimeSpan.FromSeconds(2), $"offline only after {sinceSilent.Elapsed}: {twin}");
        Assert.False(paho.HasExited, "the device process must still hold its socket open");
    }

    [Fact]
    public async Task ThingsBoard_rpc_posted_over_http_reaches_a_paho_device_and_returns_its_reply()
    {
        var device = await silo.ProvisionAsync("paho-tb-rpc");
        await using var paho = await PahoDevice.StartThingsBoardRpcAsync(silo.MqttPort, device);

        var (status, _, body) = await silo.SendCommandAsync(device.Id, "setInterval", new { seconds = 30 }, timeoutSeconds: 10);

        Assert.True(status == HttpStatusCode.OK, $"expected 200, got {(int)status} {body}\ndevice:\n{paho.Snapshot()}\n{silo.SiloOutputTail()}");
        var reply = JsonDocument.Parse(body).RootElement; // the device's reply, as it sent it
        Assert.Equal("done", reply.GetProperty("status").GetString());
        Assert.Equal("setInterval", reply.GetProperty("method").GetString());
        Assert.Equal(30, reply.GetProperty("params").GetProperty("seconds").GetInt32());

        var rpc = await paho.WaitForRpcAsync(Soon);
        Assert.Equal("setInterval", rpc.GetProperty("request").GetProperty("method").GetString());
        Assert.False(string.IsNullOrEmpty(rpc.GetProperty("requestId").GetString()));
    }
}
