using System.Buffers;

namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>A decoded SUBSCRIBE or UNSUBSCRIBE entry: the filter as a UTF-8 slice; options are <c>default</c> for UNSUBSCRIBE.</summary>
internal readonly record struct MqttTopicFilterView(ReadOnlySequence<byte> TopicFilter, MqttSubscriptionOptions Options)
{
    public string GetTopicFilter() => MqttUtf8.GetString(TopicFilter);
}
