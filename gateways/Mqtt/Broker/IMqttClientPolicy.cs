namespace SmartCity.Twin.Gateways.Mqtt.Broker;

/// <summary>
/// What one authenticated connection may do, and what its messages mean. Created by <see cref="IMqttClientAuthority"/>
/// per connection; the endpoint calls it from that connection's receive loop only, so it needs no locking of its own.
/// </summary>
public interface IMqttClientPolicy
{
    /// <summary>Who is speaking (device id, or the operator's name), for logs and metrics.</summary>
    string Identity { get; }

    /// <summary>
    /// Called for every topic filter of SUBSCRIBE. A refusal becomes SUBACK 0x87 (v5) or 0x80 (3.1.1). A granted
    /// filter may be rewritten: the endpoint subscribes the connection to <see cref="MqttSubscriptionDecision.EffectiveFilter"/>
    /// and passes every topic delivered through it to <see cref="OutgoingTopic"/> (used to map a ThingsBoard client's
    /// <c>v1/devices/me/...</c> onto the device's own topics).
    /// </summary>
    MqttSubscriptionDecision AuthorizeSubscription(string topicFilter);

    /// <summary>
    /// The topic name the client sees for a message routed under <paramref name="routedTopic"/>; usually the same string.
    /// Called from the connection's writer, which may run at the same time as the receive loop's calls: keep it a pure
    /// function of its argument (and of what was fixed when the policy was created).
    /// </summary>
    string OutgoingTopic(string routedTopic);

    /// <summary>
    /// Called for every PUBLISH the client sends, and for its Will when the Will fires. QoS 1 and 2 publishes are
    /// acknowledged only after the returned task completes, with its reason code (3.1.1: a refusal still gets its
    /// PUBACK/PUBREC, as that version requires, and the message is dropped). The payload is valid only until the task
    /// completes; the endpoint copies it when the decision routes the message.
    /// </summary>
    ValueTask<MqttPublishDecision> AuthorizePublishAsync(MqttInboundPublish publish, CancellationToken cancellationToken);

    /// <summary>The connection has ended (after the Will, if any, was handled). Never throws.</summary>
    void OnConnectionClosed(MqttConnectionCloseReason reason);
}
