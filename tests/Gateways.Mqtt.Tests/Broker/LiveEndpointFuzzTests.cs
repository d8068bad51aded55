using System.Buffers;
using System.Diagnostics;
using System.Net.Sockets;
using SmartCity.Twin.Gateways.Mqtt.Protocol;
using Xunit.Abstractions;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Broker;

/// <summary>
/// The endpoint under attack: while a well-behaved client publishes and receives QoS 1 messages, many connections send
/// random and mutated packets, trickle CONNECT bytes or announce huge packets, and a few flood QoS 0 publishes. The
/// endpoint must keep serving the good client, cut the attackers off, and keep its memory bounded.
/// </summary>
[Collection(LiveEndpointLoadCollection.Name)]
public sealed class LiveEndpointFuzzTests(ITestOutputHelper output)
{
    private static readonly TimeSpan AttackDuration = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task The_endpoint_survives_random_and_mutated_packets_while_a_good_client_keeps_its_messages()
    {
        await using var harness = await EndpointHarness.StartAsync(o =>
        {
            o.ConnectTimeout = TimeSpan.FromSeconds(1);
            o.MaximumPacketSize = 64 * 1024;
            o.MaximumQueuedMessagesPerSession = 1000;
        });
        harness.Authority.RecordPublishes = false;
        var endpoint = harness.Endpoint;

        // Warm up, then take the memory baseline.
        await using (var warm = await harness.OpenAsync())
        {
            await warm.ConnectAsync(MqttProtocolVersion.V500, "warm");
            await warm.DisconnectAsync();
        }

        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        using var stop = new CancellationTokenSource(AttackDuration);
        var good = GoodClientAsync(harness, stop.Token);
        var floods = Enumerable.Range(0, 4).Select(i => FloodAsync(harness.Port, i, stop.Token)).ToArray();
        var attackerCounts = new long[32];
        var attackers = Enumerable.Range(0, attackerCounts.Length).Select(i => AttackAsync(harness.Port, i, attackerCounts, stop.Token)).ToArray();
        var slowLoris = SlowLorisAsync(harness.Port, stop.Token);

        var goodResult = await good;
        var flooded = await Task.WhenAll(floods);
        await Task.WhenAll(attackers);
        var slowLorisCutOffs = await slowLoris;

        output.WriteLine($"good client: {goodResult.Sent} sent, {goodResult.Received} received");
        output.WriteLine($"flood packets written: {flooded.Sum()}, publishes received by the endpoint: {endpoint.Metrics.PublishesReceived}");
        output.WriteLine($"attack connections: {attackerCounts.Sum()}, malformed: {endpoint.Metrics.MalformedPackets}, failed: {endpoint.Metrics.ConnectionsFailed}");
        output.WriteLine($"slow-loris connections cut off: {slowLorisCutOffs}");

        Assert.True(goodResult.Sent > 100);
        Assert.Equal(goodResult.Sent, goodResult.Received);
        Assert.True(attackerCounts.Sum() > 100);
        Assert.True(slowLorisCutOffs > 0);
        Assert.Equal(0, endpoint.Metrics.ConnectionsFailed);

        // Every attacker is gone and the endpoint still takes a fresh client.
        await EndpointHarness.EventuallyAsync(() => endpoint.ConnectionCount == 0, TimeSpan.FromSeconds(10));
        await using (var fresh = await harness.OpenAsync())
        {
            Assert.Equal(0, (await fresh.ConnectAsync(MqttProtocolVersion.V311, "fresh")).ReasonCode);
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"managed memory: {baseline / 1024} KiB before, {after / 1024} KiB after");
        Assert.InRange(after - baseline, long.MinValue, 64L * 1024 * 1024);
    }

    [Fact]
    public async Task A_trickled_CONNECT_is_cut_off_at_the_connect_timeout_and_an_oversized_length_at_once()
    {
        await using var harness = await EndpointHarness.StartAsync(o => o.ConnectTimeout = TimeSpan.FromSeconds(1));
        var connect = new ArrayBufferWriter<byte>();
        MqttPacketWriter.WriteConnect(connect, new MqttOutboundConnect(MqttProtocolVersion.V311, "loris"));
        await using var loris = await harness.OpenAsync();
        var watch = Stopwatch.StartNew();
        var closed = loris.ExpectClosedAsync(TimeSpan.FromSeconds(5));
        try
        {
            foreach (var b in connect.WrittenSpan[..^1].ToArray())
            {
                await loris.SendRawAsync(b);
                await Task.Delay(150);
                if (closed.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (IOException)
        {
            // Cut off while trickling.
        }

        await closed;
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(2.5));

        await using var huge = await harness.OpenAsync();
        watch.Restart();
        await huge.SendRawAsync(0x10, 0xFF, 0xFF, 0xFF, 0x7F);
        await huge.ExpectClosedAsync(TimeSpan.FromSeconds(2));
        Assert.True(watch.Elapsed < TimeSpan.FromMilliseconds(800), $"closed after {watch.Elapsed}");
    }

    private static async Task<(int Sent, int Received)> GoodClientAsync(EndpointHarness harness, CancellationToken stop)
    {
        await using var client = await harness.OpenAsync();
        await client.ConnectAsync(MqttProtocolVersion.V500, "good", keepAlive: 30);
        await client.SubscribeAsync("good/#", MqttQualityOfService.AtLeastOnce);
        var sent = 0;
        var received = 0;
        while (!stop.IsCancellationRequested)
        {
            var id = client.NextPacketId();
            await client.PublishAsync("good/x", sent.ToString(System.Globalization.CultureInfo.InvariantCulture), MqttQualityOfService.AtLeastOnce, packetId: id);
            sent++;
            var gotAck = false;
            var gotMessage = false;
            while (!gotAck || !gotMessage)
            {
                var packet = await client.ReceiveAsync(TimeSpan.FromSeconds(5));
                Assert.NotNull(packet);
                if (packet.Type == MqttPacketType.PubAck)
                {
                    Assert.Equal(id, packet.PacketId);
                    gotAck = true;
                }
                else
                {
                    Assert.Equal(MqttPacketType.Publish, packet.Type);
                    Assert.Equal((sent - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), packet.PayloadText);
                    await client.AcknowledgeAsync(MqttPacketType.PubAck, packet.PacketId);
                    received++;
                    gotMessage = true;
                }
            }

            await Task.Delay(5, CancellationToken.None);
        }

        await client.DisconnectAsync();
        return (sent, received);
    }

    /// <summary>Writes batches of small QoS 0 publishes as fast as the endpoint takes them; returns how many were written.</summary>
    private static async Task<long> FloodAsync(int port, int index, CancellationToken stop)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync("127.0.0.1", port, CancellationToken.None);
        var batch = new ArrayBufferWriter<byte>();
        MqttPacketWriter.WriteConnect(batch, new MqttOutboundConnect(MqttProtocolVersion.V311, $"flood-{index}", KeepAlive: 0));
        await socket.SendAsync(batch.WrittenMemory, SocketFlags.None);
        var connAck = new byte[4];
        await socket.ReceiveAsync(connAck, SocketFlags.None);
        batch.Clear();
        const int PerBatch = 4096;
        var payload = new ReadOnlySequence<byte>("42.0"u8.ToArray());
        for (var i = 0; i < PerBatch; i++)
        {
            MqttPacketWriter.WritePublish(batch, MqttProtocolVersion.V311, $"load/{index}", MqttQualityOfService.AtMostOnce, 0, false, false, payload);
        }

        long written = 0;
        try
        {
            while (!stop.IsCancellationRequested && written < 300_000)
            {
                await socket.SendAsync(batch.WrittenMemory, SocketFlags.None, stop);
                written += PerBatch;
            }
        }
        catch (OperationCanceledException)
        {
            // Time is up.
        }

        socket.Shutdown(SocketShutdown.Both);
        return written;
    }

    /// <summary>Opens connection after connection sending garbage; returns when time is up.</summary>
    private static async Task AttackAsync(int port, int index, long[] counts, CancellationToken stop)
    {
        var random = new Random(index);
        var templates = Templates();
        while (!stop.IsCancellationRequested)
        {
            counts[index]++;
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync("127.0.0.1", port, CancellationToken.None);
                var bytes = new ArrayBufferWriter<byte>();
                switch (random.Next(4))
                {
                    case 0:
                        // Pure noise.
                        var noise = new byte[random.Next(1, 512)];
                        random.NextBytes(noise);
                        bytes.Write(noise);
                        break;
                    case 1:
                        // A mutated CONNECT.
                        bytes.Write(Mutate(templates[random.Next(2)], random));
                        break;
                    default:
                        // A valid CONNECT, then mutated packets.
                        var version = random.Next(2) == 0 ? MqttProtocolVersion.V311 : MqttProtocolVersion.V500;
                        MqttPacketWriter.WriteConnect(bytes, new MqttOutboundConnect(version, $"fuzz-{index}-{random.Next(8)}"));
                        var count = random.Next(1, 20);
                        for (var i = 0; i < count; i++)
                        {
                            var template = templates[random.Next(2, templates.Length)];
                            bytes.Write(random.Next(3) == 0 ? template : Mutate(template, random));
                        }

                        break;
                }

                await socket.SendAsync(bytes.WrittenMemory, SocketFlags.None);
                using var read = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
                var sink = new byte[4096];
                while (await socket.ReceiveAsync(sink, SocketFlags.None, read.Token) > 0)
                {
                }
            }
            catch (Exception exception) when (exception is SocketException or OperationCanceledException or IOException)
            {
                // Cut off, reset or still open: all fine for an attacker.
            }
        }
    }

    /// <summary>Connections that trickle CONNECT bytes; returns how many the endpoint cut off.</summary>
    private static async Task<int> SlowLorisAsync(int port, CancellationToken stop)
    {
        var cutOff = 0;
        var tasks = Enumerable.Range(0, 8).Select(async i =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync("127.0.0.1", port, CancellationToken.None);
                try
                {
                    await socket.SendAsync(new byte[] { 0x10, 0x40 }, SocketFlags.None);
                    for (var n = 0; n < 40; n++)
                    {
                        await Task.Delay(100, CancellationToken.None);
                        await socket.SendAsync(new byte[] { 0x00 }, SocketFlags.None);
                        if (socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0)
                        {
                            Interlocked.Increment(ref cutOff);
                            break;
                        }
                    }
                }
                catch (SocketException)
                {
                    Interlocked.Increment(ref cutOff);
                }
            }
        });
        await Task.WhenAll(tasks);
        return cutOff;
    }

    private static byte[] Mutate(byte[] packet, Random random)
    {
        var mutated = packet.ToArray();
        switch (random.Next(4))
        {
            case 0:
                for (var i = 0; i < 1 + random.Next(4); i++)
                {
                    mutated[random.Next(mutated.Length)] ^= (byte)(1 << random.Next(8));
                }

                return mutated;
            case 1:
                return mutated[..random.Next(1, mutated.Length)];
            case 2:
                var extra = new byte[random.Next(1, 16)];
                random.NextBytes(extra);
                return [.. mutated, .. extra];
            default:
                mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
                return mutated;
        }
    }

    private static byte[][] Templates()
    {
        static byte[] Build(Action<ArrayBufferWriter<byte>> write)
        {
            var buffer = new ArrayBufferWriter<byte>();
            write(buffer);
            return buffer.WrittenSpan.ToArray();
        }

        var payload = new ReadOnlySequence<byte>("payload"u8.ToArray());
        var v5 = MqttProtocolVersion.V500;
        return
        [
            Build(w => MqttPacketWriter.WriteConnect(w, new MqttOutboundConnect(MqttProtocolVersion.V311, "m1") { UserName = "u", Password = "p"u8.ToArray(), Will = new MqttOutboundWill("w", "x"u8.ToArray()) })),
            Build(w => MqttPacketWriter.WriteConnect(w, new MqttOutboundConnect(v5, "m2") { Properties = new() { SessionExpiryInterval = 10, ReceiveMaximum = 5 } })),
            Build(w => MqttPacketWriter.WritePublish(w, v5, "fuzz/a", MqttQualityOfService.AtMostOnce, 0, false, false, payload)),
            Build(w => MqttPacketWriter.WritePublish(w, v5, "fuzz/b", MqttQualityOfService.AtLeastOnce, 1, true, false, payload, new MqttOutboundProperties { TopicAlias = 1, ContentType = "t" })),
            Build(w => MqttPacketWriter.WritePublish(w, v5, "fuzz/c", MqttQualityOfService.ExactlyOnce, 2, false, false, payload, new MqttOutboundProperties { MessageExpiryInterval = 5 })),
            Build(w => MqttPacketWriter.WriteSubscribe(w, v5, 3, [new MqttTopicSubscription("fuzz/#", new MqttSubscriptionOptions(MqttQualityOfService.ExactlyOnce))])),
            Build(w => MqttPacketWriter.WriteSubscribe(w, MqttProtocolVersion.V311, 4, [new MqttTopicSubscription("+/x", new MqttSubscriptionOptions(MqttQualityOfService.AtLeastOnce))])),
            Build(w => MqttPacketWriter.WriteUnsubscribe(w, v5, 5, ["fuzz/#"])),
            Build(w => MqttPacketWriter.WritePublishAcknowledgement(w, v5, MqttPacketType.PubRel, 2)),
            Build(w => MqttPacketWriter.WritePublishAcknowledgement(w, v5, MqttPacketType.PubAck, 1)),
            Build(w => MqttPacketWriter.WritePingReq(w)),
            Build(w => MqttPacketWriter.WriteDisconnect(w, v5, MqttReasonCode.DisconnectWithWillMessage)),
        ];
    }
}
