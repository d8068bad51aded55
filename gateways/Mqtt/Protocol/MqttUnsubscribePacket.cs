using System.Buffers;

namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>A decoded UNSUBSCRIBE (3.1.1 3.10, 5.0 3.10); enumerate the validated filters with <see cref="GetTopicFilters"/>.</summary>
internal readonly struct MqttUnsubscribePacket
{
    public ushort PacketIdentifier { get; init; }

    public MqttProperties Properties { get; init; }

    public int Count { get; init; }

    public ReadOnlySequence<byte> Entries { get; init; }

    public MqttTopicFilterEnumerator GetTopicFilters() => new(Entries, withOptions: false);

    public static MqttDecodeResult TryDecode(in MqttFrame frame, MqttProtocolVersion version, out MqttUnsubscribePacket packet)
    {
        MqttDecodeResult result = MqttTopicFilterList.TryDecode(frame, version, withOptions: false, out MqttTopicFilterList list);
        packet = result.IsSuccess
            ? new MqttUnsubscribePacket { PacketIdentifier = list.PacketIdentifier, Properties = list.Properties, Count = list.Count, Entries = list.Entries }
            : default;
        return result;
    }
}
