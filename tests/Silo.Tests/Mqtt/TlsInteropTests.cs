using System.Globalization;

namespace SmartCity.Twin.Silo.Tests.Mqtt;

/// <summary>MQTT over TLS on <c>Mqtt:TlsPort</c>, driven by mosquitto_pub verifying the silo's certificate.</summary>
public sealed class TlsInteropTests(TlsSiloFixture silo) : IClassFixture<TlsSiloFixture>
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData(MosquittoClients.MqttV311)]
    [InlineData(MosquittoClients.MqttV5)]
    public async Task A_device_publishes_over_TLS_with_its_credentials(string protocolVersion)
    {
        var device = await silo.ProvisionAsync("tls");

        var result = await ClientProcess.RunAsync(
            "mosquitto_pub",
            ["-h", "127.0.0.1", "-p", silo.TlsPort.ToString(CultureInfo.InvariantCulture), "--cafile", silo.CertificateAuthorityFile,
             "-V", protocolVersion, "-u", device.Username, "-P", device.Password, "-q", "1",
             "-t", device.Topic("telemetry"), "-m", """{"pm2_5": 27.5}"""],
            Soon);

        Assert.True(result.ExitCode == 0, $"mosquitto_pub over TLS failed: {result}");
        await silo.WaitForTwinAsync(device.Id, twin => MqttSiloFixture.Metric(twin, "pm2_5") == 27.5, Soon, "pm2_5 = 27.5 over TLS");
    }

    [Fact]
    public async Task A_client_that_does_not_trust_the_certificate_cannot_connect()
    {
        var device = await silo.ProvisionAsync("tls-untrusted");
        var untrusted = Path.Combine(Path.GetTempPath(), $"untrusted-{Guid.NewGuid():N}");
        Directory.CreateDirectory(untrusted);
        try
        {
            var result = await ClientProcess.RunAsync(
                "mosquitto_pub",
                ["-h", "127.0.0.1", "-p", silo.TlsPort.ToString(CultureInfo.InvariantCulture), "--capath", untrusted,
                 "-u", device.Username, "-P", device.Password, "-t", device.Topic("telemetry"), "-m", """{"pm2_5": 1}"""],
                Soon);

            Assert.NotEqual(0, result.ExitCode);
        }
        finally
        {
            Directory.Delete(untrusted, recursive: true);
        }
    }
}
