namespace SmartCity.Twin.Silo.Tests.Mqtt;

/// <summary>A site that already runs mosquitto: devices publish to it, and the silo consumes their topics as a client.</summary>
public sealed class BridgeInteropTests(BridgedSiloFixture silo) : IClassFixture<BridgedSiloFixture>
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Telemetry_published_to_the_site_broker_reaches_the_twin_through_the_bridge()
    {
        var device = await silo.ProvisionAsync("bridged");

        // The site broker authenticates its own devices; here it is anonymous, as many site brokers are.
        var result = await ClientProcess.RunAsync(
            "mosquitto_pub",
            ["-h", "127.0.0.1", "-p", silo.BrokerPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "-q", "1",
             "-t", device.Topic("telemetry"), "-m", """{"values": {"pm2_5": 61.5}}"""],
            Soon);

        Assert.True(result.ExitCode == 0, $"mosquitto_pub to the site broker failed: {result}");
        await silo.WaitForTwinAsync(device.Id, twin => MqttSiloFixture.Metric(twin, "pm2_5") == 61.5, Soon, "pm2_5 = 61.5 through the bridge");
    }

    [Fact]
    public async Task A_bad_payload_on_the_site_broker_is_refused_and_the_bridge_keeps_consuming()
    {
        var device = await silo.ProvisionAsync("bridged-bad");
        var port = silo.BrokerPort.ToString(System.Globalization.CultureInfo.InvariantCulture);

        await ClientProcess.RunAsync("mosquitto_pub", ["-h", "127.0.0.1", "-p", port, "-q", "1", "-t", device.Topic("telemetry"), "-m", """{"pm2_5": -3}"""], Soon);
        await ClientProcess.RunAsync("mosquitto_pub", ["-h", "127.0.0.1", "-p", port, "-q", "1", "-t", device.Topic("telemetry"), "-m", "not json"], Soon);
        await ClientProcess.RunAsync("mosquitto_pub", ["-h", "127.0.0.1", "-p", port, "-q", "1", "-t", device.Topic("telemetry"), "-m", """{"pm2_5": 8}"""], Soon);

        var twin = await silo.WaitForTwinAsync(device.Id, twin => MqttSiloFixture.Metric(twin, "pm2_5") == 8, Soon, "pm2_5 = 8 after two refused messages");
        Assert.Equal(8, MqttSiloFixture.Metric(twin, "pm2_5"));
    }
}
