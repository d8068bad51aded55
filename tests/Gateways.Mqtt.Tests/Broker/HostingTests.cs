using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SmartCity.Twin.Gateways.Mqtt.Broker;
using SmartCity.Twin.Gateways.Mqtt.Hosting;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Broker;

public sealed class HostingTests
{
    [Fact]
    public async Task AddMqttEndpoint_binds_the_Mqtt_section_and_the_host_starts_and_stops_the_endpoint()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mqtt:Port"] = "0",
            ["Mqtt:BindAddress"] = "127.0.0.1",
            ["Mqtt:ReceiveMaximum"] = "7",
        });
        builder.Services.AddSingleton<IMqttClientAuthority, TestAuthority>();
        builder.Services.AddMqttEndpoint(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        var endpoint = host.Services.GetRequiredService<MqttEndpoint>();
        Assert.Same(endpoint, host.Services.GetRequiredService<IMqttBroker>());
        Assert.Equal(7, endpoint.Options.ReceiveMaximum);
        await using (var client = await RawMqttClient.OpenAsync(endpoint.Port))
        {
            var connAck = await client.ConnectAsync(MqttProtocolVersion.V500, "c1");
            Assert.Equal((ushort)7, connAck.Properties[0x21]);
        }

        await host.StopAsync();
    }

    [Fact]
    public async Task The_TLS_listener_serves_MQTT_with_a_PFX_certificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var thumbprint = certificate.GetCertHashString();
        var path = Path.Combine(Path.GetTempPath(), $"mqtt-test-{Guid.NewGuid():N}.pfx");
        await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, "secret"));
        try
        {
            await using var harness = await EndpointHarness.StartAsync(o =>
            {
                o.CertificatePath = path;
                o.CertificatePassword = "secret";
                o.TlsPort = 0;
            });
            Assert.NotNull(harness.Endpoint.TlsPort);
            using var tcp = new System.Net.Sockets.TcpClient();
            await tcp.ConnectAsync("127.0.0.1", harness.Endpoint.TlsPort!.Value);
            await using var tls = new System.Net.Security.SslStream(tcp.GetStream(), false, (_, presented, _, _) => presented?.GetCertHashString() == thumbprint);
            await tls.AuthenticateAsClientAsync("localhost");
            var connect = new System.Buffers.ArrayBufferWriter<byte>();
            MqttPacketWriter.WriteConnect(connect, new MqttOutboundConnect(MqttProtocolVersion.V311, "tls"));
            await tls.WriteAsync(connect.WrittenMemory);
            var connAck = new byte[4];
            await tls.ReadExactlyAsync(connAck);
            Assert.Equal(new byte[] { 0x20, 0x02, 0x00, 0x00 }, connAck);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
