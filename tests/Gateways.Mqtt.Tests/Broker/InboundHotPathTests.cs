using System.Buffers;
using System.Net.Sockets;
using SmartCity.Twin.Gateways.Mqtt.Protocol;
using Xunit.Abstractions;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Broker;

[Collection(LiveEndpointLoadCollection.Name)]
public sealed class InboundHotPathTests(ITestOutputHelper output)
{
    [Fact]
    public async Task QoS_0_publishes_to_a_repeated_topic_allocate_next_to_nothing_per_message()
    {
        await using var harness = await EndpointHarness.StartAsync();
        harness.Authority.RecordPublishes = false;
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync("127.0.0.1", harness.Port);
        var buffer = new ArrayBufferWriter<byte>();
        MqttPacketWriter.WriteConnect(buffer, new MqttOutboundConnect(MqttProtocolVersion.V500, "device", KeepAlive: 0));
        await socket.SendAsync(buffer.WrittenMemory, SocketFlags.None);
        await socket.ReceiveAsync(new byte[64], SocketFlags.None);
        buffer.Clear();
        var payload = new ReadOnlySequence<byte>("{\"pm2_5\":41.2}"u8.ToArray());
        for (var i = 0; i < 1000; i++)
        {
            MqttPacketWriter.WritePublish(buffer, MqttProtocolVersion.V500, "tb/aq/01/telemetry", MqttQualityOfService.AtMostOnce, 0, false, false, payload);
        }

        // Warm up (topic cache, pipe buffers, JIT), then measure.
        await socket.SendAsync(buffer.WrittenMemory, SocketFlags.None);
        await EndpointHarness.EventuallyAsync(() => harness.Endpoint.Metrics.PublishesReceived == 1000);
        const int Rounds = 200;
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var round = 0; round < Rounds; round++)
        {
            await socket.SendAsync(buffer.WrittenMemory, SocketFlags.None);
        }

        await EndpointHarness.EventuallyAsync(() => harness.Endpoint.Metrics.PublishesReceived == 1000 * (Rounds + 1), TimeSpan.FromSeconds(30));
        var perMessage = (GC.GetTotalAllocatedBytes(precise: true) - before) / (1000.0 * Rounds);
        output.WriteLine($"{perMessage:F1} bytes allocated per QoS 0 publish (whole process)");
        Assert.True(perMessage < 64, $"{perMessage:F1} bytes per message");
    }
}
