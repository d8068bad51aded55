namespace SmartCity.Twin.Silo.Tests.Mqtt;

/// <summary>ThingsBoard-style devices (username = access token, no password, <c>v1/devices/me/...</c>) through mosquitto_pub.</summary>
public sealed class ThingsBoardInteropTests(MqttSiloFixture silo) : IClassFixture<MqttSiloFixture>
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(MosquittoClients.MqttV311)]
    [InlineData(MosquittoClients.MqttV5)]
    public async Task ThingsBoard_telemetry_with_the_access_token_reaches_the_twin(string protocolVersion)
    {
        var device = await silo.ProvisionAsync("tb-tele");

        var result = await MosquittoClients.PublishAsync(
            silo.MqttPort, protocolVersion, device.AccessToken, password: null, "v1/devices/me/telemetry", """{"pm2_5": 55.5}""");

        Assert.True(result.ExitCode == 0, $"mosquitto_pub failed: {result}");
        await silo.WaitForTwinAsync(device.Id, twin => MqttSiloFixture.Metric(twin, "pm2_5") == 55.5, Soon, "pm2_5 = 55.5");
    }

    [Fact]
    public async Task ThingsBoard_attributes_become_the_twins_reported_properties()
    {
        var device = await silo.ProvisionAsync("tb-attr");

        var result = await MosquittoClients.PublishAsync(
            silo.MqttPort, MosquittoClients.MqttV311, device.AccessToken, password: null, "v1/devices/me/attributes",
            """{"firmware": "3.0.2", "sampling_seconds": 60}""");

        Assert.True(result.ExitCode == 0, $"mosquitto_pub failed: {result}");
        await silo.WaitForTwinAsync(device.Id, twin => MqttSiloFixture.Reported(twin, "firmware") == "3.0.2", Soon, "reported firmware 3.0.2");
    }
}
