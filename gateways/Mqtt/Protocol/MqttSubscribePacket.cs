using System.Buffers;

namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>A decoded SUBSCRIBE (3.1.1 3.8, 5.0 3.8); every entry was validated, enumerate them with <see cref="GetTopicFilters"/>.</summary>
internal readonly struct MqttSubscribePacket
{
    public ushort PacketIdentifier { get; init; }

    public MqttProperties Properties { get; init; }

    /// <summary>How many topic filters follow; at least one.</summary>
    public int Count { get; init; }

    /// <summary>The raw payload: filter/options pairs.</summary>
    public ReadOnlySequence<byte> Entries { get; init; }

    public MqttTopicFilterEnumerator GetTopicFilters() => new(Entries, withOptions: true);

    public static MqttDecodeResult TryDecode(in MqttFrame frame, MqttProtocolVersion version, out MqttSubscribePacket packet)
    {
        MqttDecodeResult result = MqttTopicFilterList.TryDecode(frame, version, withOptions: true, out MqttTopicFilterList list);
        packet = result.IsSuccess
            ? new MqttSubscribePacket { PacketIdentifier = list.PacketIdentifier, Properties = list.Properties, Count = list.Count, Entries = list.Entries }
            : default;
        return result;
    }
}
