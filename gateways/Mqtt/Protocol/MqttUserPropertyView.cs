using System.Buffers;

namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>One decoded User Property (5.0 3.1.2.11.8): a name/value pair of UTF-8 slices of the receive buffer.</summary>
internal readonly record struct MqttUserPropertyView(ReadOnlySequence<byte> Name, ReadOnlySequence<byte> Value)
{
    public MqttUserProperty ToUserProperty() => new(MqttUtf8.GetString(Name), MqttUtf8.GetString(Value));
}
