using System.Buffers;
using System.Diagnostics;
using System.Net.Sockets;
using SmartCity.Twin.Gateways.Mqtt.Protocol;
using Xunit.Abstractions;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Broker;

/// <summary>Manual probe: QoS 0 from 1,000 connections into one wildcard subscriber (run with MQTT_PROBE=1).</summary>
[Collection(LiveEndpointLoadCollection.Name)]
public sealed class ThroughputProbe(ITestOutputHelper output)
{
    [Fact]
    public async Task QoS_0_from_a_thousand_connections()
    {
        if (Environment.GetEnvironmentVariable("MQTT_PROBE") != "1")
        {
            return;
        }

        await using var harness = await EndpointHarness.StartAsync(o => o.MaximumQueuedMessagesPerSession = 10_000);
        harness.Authority.RecordPublishes = false;
        using var subscriber = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await subscriber.ConnectAsync("127.0.0.1", harness.Port);
        var buffer = new ArrayBufferWriter<byte>();
        MqttPacketWriter.WriteConnect(buffer, new MqttOutboundConnect(MqttProtocolVersion.V311, "sub", KeepAlive: 0));
        MqttPacketWriter.WriteSubscribe(buffer, MqttProtocolVersion.V311, 1, [new MqttTopicSubscription("bench/#", new MqttSubscriptionOptions(MqttQualityOfService.AtMostOnce))]);
        await subscriber.SendAsync(buffer.WrittenMemory, SocketFlags.None);
        long bytesIn = 0;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var drain = Task.Run(async () =>
        {
            var sink = new byte[1 << 20];
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    var n = await subscriber.ReceiveAsync(sink, SocketFlags.None, stop.Token);
                    if (n == 0)
                    {
                        return;
                    }

                    bytesIn += n;
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        var sockets = new List<Socket>();
        for (var i = 0; i < 1000; i++)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync("127.0.0.1", harness.Port);
            var connect = new ArrayBufferWriter<byte>();
            MqttPacketWriter.WriteConnect(connect, new MqttOutboundConnect(MqttProtocolVersion.V311, $"p{i}", KeepAlive: 0));
            await socket.SendAsync(connect.WrittenMemory, SocketFlags.None);
            await socket.ReceiveAsync(new byte[4], SocketFlags.None);
            sockets.Add(socket);
        }

        var watch = Stopwatch.StartNew();
        var before = harness.Endpoint.Metrics.PublishesReceived;
        var deliveredBefore = harness.Endpoint.Metrics.MessagesDelivered;
        var publishers = sockets.Select((socket, i) => Task.Run(async () =>
        {
            var batch = new ArrayBufferWriter<byte>();
            var payload = new ReadOnlySequence<byte>("{\"pm2_5\":41.2}"u8.ToArray());
            for (var n = 0; n < 20; n++)
            {
                MqttPacketWriter.WritePublish(batch, MqttProtocolVersion.V311, $"bench/{i}/telemetry", MqttQualityOfService.AtMostOnce, 0, false, false, payload);
            }

            try
            {
                while (!stop.IsCancellationRequested)
                {
                    await socket.SendAsync(batch.WrittenMemory, SocketFlags.None, stop.Token);
                    await Task.Delay(1, stop.Token);
                }
            }
            catch (OperationCanceledException)
            {
            }
        })).ToArray();
        await Task.WhenAll(publishers);
        var seconds = watch.Elapsed.TotalSeconds;
        var received = harness.Endpoint.Metrics.PublishesReceived - before;
        var delivered = harness.Endpoint.Metrics.MessagesDelivered - deliveredBefore;
        output.WriteLine($"{received / seconds:N0} publishes/s in, {delivered / seconds:N0} deliveries/s out, dropped {harness.Endpoint.Metrics.MessagesDropped:N0}, GC gen0 {GC.CollectionCount(0)}");
        foreach (var socket in sockets)
        {
            socket.Dispose();
        }

        await drain;
    }
}
