namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>A topic filter and its options, as a client puts it into SUBSCRIBE.</summary>
internal readonly record struct MqttTopicSubscription(string TopicFilter, MqttSubscriptionOptions Options);
