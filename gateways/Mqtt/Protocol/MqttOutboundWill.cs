namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>The Will a client puts into CONNECT (3.1.1 3.1.2.5, 5.0 3.1.2.5).</summary>
internal readonly record struct MqttOutboundWill(
    string Topic,
    ReadOnlyMemory<byte> Payload,
    MqttQualityOfService QualityOfService = MqttQualityOfService.AtMostOnce,
    bool Retain = false)
{
    /// <summary>Will Properties (v5 only): Will Delay Interval, Payload Format Indicator, Message Expiry, Content Type, Response Topic, Correlation Data, User Properties.</summary>
    public MqttOutboundProperties Properties { get; init; }
}
