namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>The wire type of a property value (5.0 1.5).</summary>
internal enum MqttPropertyKind : byte
{
    Unknown,
    Byte,
    TwoByteInteger,
    FourByteInteger,
    VariableByteInteger,
    String,
    Binary,
    StringPair,
}
