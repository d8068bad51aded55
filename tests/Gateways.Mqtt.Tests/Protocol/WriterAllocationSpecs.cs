using System.Buffers;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Protocol;

public class WriterAllocationSpecs
{
    [Fact]
    public void Writing_a_publish_for_fan_out_allocates_nothing()
    {
        byte[] topic = "city/thai-binh/aq/tb-aq-01"u8.ToArray();
        var payload = new ReadOnlySequence<byte>(new byte[512]);
        var properties = new MqttOutboundProperties
        {
            SubscriptionIdentifiers = new[] { 7 }, MessageExpiryInterval = 60, ContentType = "application/json",
            UserProperties = new[] { new MqttUserProperty("site", "tb") },
        };
        var writer = new FixedBufferWriter(4096);
        WriteBoth(writer, topic, payload, properties);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1_000; i++)
        {
            WriteBoth(writer, topic, payload, properties);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Writing_a_publish_from_a_string_topic_allocates_nothing()
    {
        var payload = new ReadOnlySequence<byte>(new byte[64]);
        var writer = new FixedBufferWriter(4096);
        MqttPacketWriter.WritePublish(writer, MqttProtocolVersion.V311, "city/thai-binh/đường", MqttQualityOfService.AtLeastOnce, 1, false, false, payload);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1_000; i++)
        {
            writer.Reset();
            MqttPacketWriter.WritePublish(writer, MqttProtocolVersion.V311, "city/thai-binh/đường", MqttQualityOfService.AtLeastOnce, 1, false, false, payload);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void WriteBoth(FixedBufferWriter writer, byte[] topic, in ReadOnlySequence<byte> payload, in MqttOutboundProperties properties)
    {
        writer.Reset();
        int v5 = MqttPacketWriter.WritePublish(writer, MqttProtocolVersion.V500, topic, MqttQualityOfService.AtLeastOnce, 42, false, false, payload, properties);
        if (v5 != writer.Written || v5 != MqttPacketWriter.MeasurePublish(MqttProtocolVersion.V500, topic.Length, MqttQualityOfService.AtLeastOnce, payload.Length, properties))
        {
            throw new Xunit.Sdk.XunitException("the writer's count, the bytes written and the measured size differ");
        }

        writer.Reset();
        MqttPacketWriter.WritePublish(writer, MqttProtocolVersion.V311, topic, MqttQualityOfService.AtMostOnce, 0, true, false, payload);
    }
}
