using System.Buffers;
using System.Diagnostics;
using SmartCity.Twin.Gateways.Mqtt.Protocol;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Fuzz;

/// <summary>
/// A seeded, deterministic fuzzer over framing and every decoder: random bytes and mutated, truncated, re-lengthed and
/// spliced valid packets, cut at random segment boundaries. Nothing may throw, every status must be a defined one, no
/// frame may reach past the buffer, the decoders' own invariants must hold, and managed memory must stay bounded.
/// </summary>
[Collection(FuzzCollection.Name)]
public class DecoderFuzzSpecs(ITestOutputHelper output)
{
    private const int Seed = 20_261_122;
    private const int Inputs = 1_000_000;
    private const int WorkSize = 2048;

    private static readonly int[] Limits = [0, 0, 16, 64, 256, 65_536];

    private static readonly byte[] Interesting = [0x00, 0x01, 0x02, 0x03, 0x7F, 0x80, 0xFF, 0xC0, 0xED, 0x26, 0x0B, 0x23, 0x1F, (byte)'#', (byte)'+', (byte)'/', (byte)'$'];

    /// <summary>First bytes that pass the fixed-header check, so random bodies reach the packet decoders.</summary>
    private static readonly byte[] ValidFirstBytes = [0x10, 0x20, 0x30, 0x32, 0x34, 0x3B, 0x40, 0x50, 0x62, 0x70, 0x82, 0x90, 0xA2, 0xB0, 0xC0, 0xD0, 0xE0, 0xF0];

    [Fact]
    public void A_million_random_and_mutated_packets_never_break_the_decoders()
    {
        byte[][] seeds = FuzzCorpus.Build();
        var random = new Random(Seed);
        var segments = new ReusableSegments();
        byte[] work = new byte[WorkSize];
        byte[] scratch = new byte[WorkSize];
        var statistics = new long[4];
        long frames = 0;
        long decoded = 0;

        long memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        for (int input = 0; input < Inputs; input++)
        {
            int length = Mutate(random, seeds, work, scratch);
            ReadOnlySequence<byte> sequence = segments.Split(work.AsMemory(0, length), random.Next(4) == 0 ? 0 : random.Next(1, ReusableSegments.Capacity), random);
            int limit = Limits[random.Next(Limits.Length)];
            try
            {
                Drain(sequence, limit, statistics, ref frames, ref decoded);
            }
            catch (Exception exception) when (exception is not XunitException)
            {
                throw new XunitException($"input {input} (seed {Seed}, limit {limit}) threw on {Convert.ToHexString(work, 0, length)}: {exception}");
            }
        }

        stopwatch.Stop();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        long memoryAfter = GC.GetTotalMemory(forceFullCollection: true);

        output.WriteLine($"{Inputs:N0} inputs, {frames:N0} frames, {decoded:N0} decoded packets in {stopwatch.Elapsed.TotalSeconds:F1} s; "
            + $"complete {statistics[0]:N0}, incomplete {statistics[1]:N0}, malformed {statistics[2]:N0}, too large {statistics[3]:N0}; "
            + $"allocated {allocated:N0} bytes; memory {memoryBefore:N0} -> {memoryAfter:N0} bytes");

        // The decoders allocate nothing per input (a few pooled arrays for long split strings at most), and nothing is retained.
        Assert.True(allocated < 1024 * 1024, $"the fuzz loop allocated {allocated:N0} bytes");
        Assert.True(memoryAfter - memoryBefore < 16 * 1024 * 1024, $"managed memory grew by {memoryAfter - memoryBefore:N0} bytes");
        Assert.True(statistics[0] > Inputs / 10, "the fuzzer should reach the packet decoders often");
        Assert.True(decoded > Inputs / 50, "some mutated packets should still decode");
    }

    [Fact]
    public void Decoding_valid_packets_allocates_nothing()
    {
        byte[][] seeds = FuzzCorpus.Build();
        var statistics = new long[4];
        long frames = 0;
        long decoded = 0;
        var sequences = new ReadOnlySequence<byte>[seeds.Length * 2];
        for (int i = 0; i < seeds.Length; i++)
        {
            sequences[2 * i] = new ReadOnlySequence<byte>(seeds[i]);
            sequences[(2 * i) + 1] = Protocol.Segments.Every(seeds[i], 3);
        }

        foreach (ReadOnlySequence<byte> sequence in sequences)
        {
            Drain(sequence, 0, statistics, ref frames, ref decoded);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int round = 0; round < 100; round++)
        {
            foreach (ReadOnlySequence<byte> sequence in sequences)
            {
                Drain(sequence, 0, statistics, ref frames, ref decoded);
            }
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(decoded >= 100 * seeds.Length);
    }

    /// <summary>Reads frames until the buffer is used up or a frame is not complete, decoding each under both versions.</summary>
    private static void Drain(ReadOnlySequence<byte> sequence, int limit, long[] statistics, ref long frames, ref long decoded)
    {
        while (!sequence.IsEmpty)
        {
            MqttFrameStatus status = MqttFrameReader.TryReadFrame(sequence, limit, out MqttFrame frame);
            Check((uint)status <= (uint)MqttFrameStatus.TooLarge, "undefined frame status");
            statistics[(int)status]++;
            if (status != MqttFrameStatus.Complete)
            {
                return;
            }

            frames++;
            Check(frame.Header.PacketLength <= sequence.Length, "frame claims bytes past the buffer");
            Check(limit <= 0 || frame.Header.PacketLength <= limit, "frame larger than the limit");
            Check(frame.Body.Length == frame.Header.RemainingLength, "body length differs from remaining length");
            ReadOnlySequence<byte> rest = sequence.Slice(frame.End);
            Check(rest.Length == sequence.Length - frame.Header.PacketLength, "frame end is not after the packet");
            decoded += Decode(frame, MqttProtocolVersion.V311) + Decode(frame, MqttProtocolVersion.V500);
            sequence = rest;
        }
    }

    private static int Decode(in MqttFrame frame, MqttProtocolVersion version)
    {
        MqttDecodeResult result;
        MqttProperties properties = default;
        switch (frame.PacketType)
        {
            case MqttPacketType.Connect:
                result = MqttConnectPacket.TryDecode(frame, out MqttConnectPacket connect);
                properties = connect.Properties;
                if (result.IsSuccess)
                {
                    Walk(connect.WillProperties);
                    Check(connect.Version is MqttProtocolVersion.V311 or MqttProtocolVersion.V500, "CONNECT decoded with an unknown version");
                    Check(connect.HasWill || connect.WillTopic.IsEmpty, "will topic without will flag");
                }

                Check(result.Status != MqttDecodeStatus.UnsupportedProtocolVersion || result.ReasonCode == MqttReasonCode.UnsupportedProtocolVersion, "unsupported version without 0x84");
                break;
            case MqttPacketType.ConnAck:
                result = MqttConnAckPacket.TryDecode(frame, version, out MqttConnAckPacket connAck);
                properties = connAck.Properties;
                break;
            case MqttPacketType.Publish:
                result = MqttPublishPacket.TryDecode(frame, version, out MqttPublishPacket publish);
                properties = publish.Properties;
                if (result.IsSuccess)
                {
                    Check(publish.Topic.Length + publish.Payload.Length <= frame.Body.Length, "PUBLISH slices exceed the body");
                    Check((publish.QualityOfService == MqttQualityOfService.AtMostOnce) == (publish.PacketIdentifier == 0), "packet identifier and QoS disagree");
                }

                break;
            case MqttPacketType.PubAck or MqttPacketType.PubRec or MqttPacketType.PubRel or MqttPacketType.PubComp:
                result = MqttPublishAcknowledgementPacket.TryDecode(frame, version, out MqttPublishAcknowledgementPacket acknowledgement);
                properties = acknowledgement.Properties;
                Check(!result.IsSuccess || acknowledgement.PacketIdentifier != 0, "acknowledgement with packet identifier 0");
                break;
            case MqttPacketType.Subscribe:
                result = MqttSubscribePacket.TryDecode(frame, version, out MqttSubscribePacket subscribe);
                properties = subscribe.Properties;
                if (result.IsSuccess)
                {
                    int count = 0;
                    foreach (MqttTopicFilterView entry in subscribe.GetTopicFilters())
                    {
                        Check(!entry.TopicFilter.IsEmpty, "empty topic filter decoded");
                        count++;
                    }

                    Check(count == subscribe.Count && count > 0, "SUBSCRIBE entry count differs");
                }

                break;
            case MqttPacketType.SubAck:
                result = MqttSubAckPacket.TryDecode(frame, version, out MqttSubAckPacket subAck);
                properties = subAck.Properties;
                break;
            case MqttPacketType.Unsubscribe:
                result = MqttUnsubscribePacket.TryDecode(frame, version, out MqttUnsubscribePacket unsubscribe);
                properties = unsubscribe.Properties;
                if (result.IsSuccess)
                {
                    int count = 0;
                    foreach (MqttTopicFilterView entry in unsubscribe.GetTopicFilters())
                    {
                        count++;
                    }

                    Check(count == unsubscribe.Count && count > 0, "UNSUBSCRIBE entry count differs");
                }

                break;
            case MqttPacketType.UnsubAck:
                result = MqttUnsubAckPacket.TryDecode(frame, version, out MqttUnsubAckPacket unsubAck);
                properties = unsubAck.Properties;
                break;
            case MqttPacketType.PingReq or MqttPacketType.PingResp:
                result = MqttPingPacket.TryDecode(frame);
                break;
            case MqttPacketType.Disconnect:
                result = MqttDisconnectPacket.TryDecode(frame, version, out MqttDisconnectPacket disconnect);
                properties = disconnect.Properties;
                break;
            case MqttPacketType.Auth:
                result = MqttAuthPacket.TryDecode(frame, version, out MqttAuthPacket auth);
                properties = auth.Properties;
                break;
            default:
                throw new XunitException("the frame reader let packet type 0 through");
        }

        Check((uint)result.Status <= (uint)MqttDecodeStatus.UnsupportedProtocolVersion, "undefined decode status");
        Check(result.IsSuccess == (result.ReasonCode == MqttReasonCode.Success), "success and reason code disagree");
        Check(result.Status != MqttDecodeStatus.Malformed || result.ReasonCode == MqttReasonCode.MalformedPacket, "malformed without 0x81");
        Check(result.Status != MqttDecodeStatus.ProtocolError || (byte)result.ReasonCode >= 0x80, "protocol error without a failure code");
        Check(result.IsSuccess || result.Detail is not null, "failure without detail");
        if (!result.IsSuccess)
        {
            return 0;
        }

        Walk(properties);
        return 1;
    }

    private static void Walk(in MqttProperties properties)
    {
        int users = 0;
        foreach (MqttUserPropertyView property in properties.GetUserProperties())
        {
            Check(MqttUtf8.IsValid(property.Name) && MqttUtf8.IsValid(property.Value), "user property not valid UTF-8");
            users++;
        }

        int identifiers = 0;
        foreach (int identifier in properties.GetSubscriptionIdentifiers())
        {
            Check(identifier is > 0 and <= MqttVariableByteInteger.MaximumValue, "subscription identifier out of range");
            identifiers++;
        }

        Check(users == properties.UserPropertyCount, "user property count differs");
        Check(identifiers == properties.SubscriptionIdentifierCount, "subscription identifier count differs");
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new XunitException(message);
        }
    }

    /// <summary>Writes one fuzz input into <paramref name="work"/> and returns its length.</summary>
    private static int Mutate(Random random, byte[][] seeds, byte[] work, byte[] scratch)
    {
        byte[] seed = seeds[random.Next(seeds.Length)];
        switch (random.Next(9))
        {
            case 0:
            {
                // Random bytes, half of them behind a plausible fixed header so the decoders see random bodies.
                int length = random.Next(0, 64);
                random.NextBytes(work.AsSpan(0, length));
                if (length >= 2 && random.Next(2) == 0)
                {
                    work[0] = ValidFirstBytes[random.Next(ValidFirstBytes.Length)];
                    work[1] = (byte)Math.Min(length - 2, 127);
                }

                return length;
            }

            case 1:
            {
                seed.CopyTo(work, 0);
                int flips = random.Next(1, 5);
                for (int i = 0; i < flips; i++)
                {
                    work[random.Next(seed.Length)] ^= (byte)(1 << random.Next(8));
                }

                return seed.Length;
            }

            case 2:
            {
                // Truncated, with the Remaining Length either left alone or made to agree with the shorter body.
                int header = HeaderLength(seed);
                int bodyLength = random.Next(0, seed.Length - header + 1);
                if (random.Next(2) == 0)
                {
                    seed.AsSpan(0, header + bodyLength).CopyTo(work);
                    return header + bodyLength;
                }

                return Reframe(seed[0], seed.AsSpan(header, bodyLength), work);
            }

            case 3:
            {
                seed.CopyTo(work, 0);
                int count = random.Next(1, 5);
                for (int i = 1; i <= count && i < seed.Length; i++)
                {
                    work[i] = (byte)random.Next(256);
                }

                return seed.Length;
            }

            case 4:
            {
                byte[] other = seeds[random.Next(seeds.Length)];
                int prefix = random.Next(seed.Length + 1);
                int suffix = random.Next(other.Length + 1);
                seed.AsSpan(0, prefix).CopyTo(work);
                other.AsSpan(other.Length - suffix).CopyTo(work.AsSpan(prefix));
                return prefix + suffix;
            }

            case 5:
            {
                // A stream of several packets, one of them corrupted.
                int length = 0;
                int count = random.Next(2, 5);
                int corrupt = random.Next(count);
                for (int i = 0; i < count; i++)
                {
                    byte[] packet = seeds[random.Next(seeds.Length)];
                    if (length + packet.Length > work.Length)
                    {
                        break;
                    }

                    packet.CopyTo(work, length);
                    if (i == corrupt)
                    {
                        work[length + random.Next(packet.Length)] = Interesting[random.Next(Interesting.Length)];
                    }

                    length += packet.Length;
                }

                return length;
            }

            case 6:
            {
                seed.CopyTo(work, 0);
                int count = random.Next(1, 4);
                for (int i = 0; i < count; i++)
                {
                    work[random.Next(seed.Length)] = Interesting[random.Next(Interesting.Length)];
                }

                return seed.Length;
            }

            case 7:
            {
                // Insert or delete one body byte and fix the Remaining Length, so the decoder sees a shifted body.
                int header = HeaderLength(seed);
                ReadOnlySpan<byte> body = seed.AsSpan(header);
                int at = random.Next(body.Length + 1);
                int length = 0;
                body[..at].CopyTo(scratch);
                length += at;
                if (random.Next(2) == 0 || at == body.Length)
                {
                    scratch[length++] = Interesting[random.Next(Interesting.Length)];
                    body[at..].CopyTo(scratch.AsSpan(length));
                    length += body.Length - at;
                }
                else
                {
                    body[(at + 1)..].CopyTo(scratch.AsSpan(length));
                    length += body.Length - at - 1;
                }

                return Reframe(seed[0], scratch.AsSpan(0, length), work);
            }

            default:
            {
                // A valid packet under a different (but allowed) first byte: right body, wrong decoder.
                int header = HeaderLength(seed);
                return Reframe(ValidFirstBytes[random.Next(ValidFirstBytes.Length)], seed.AsSpan(header), work);
            }
        }
    }

    private static int HeaderLength(byte[] packet)
    {
        int index = 1;
        while (index < packet.Length && (packet[index] & 0x80) != 0)
        {
            index++;
        }

        return index + 1;
    }

    private static int Reframe(byte first, ReadOnlySpan<byte> body, byte[] work)
    {
        work[0] = first;
        int header = 1 + MqttVariableByteInteger.Write(work.AsSpan(1), body.Length);
        body.CopyTo(work.AsSpan(header));
        return header + body.Length;
    }
}
