using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Client;

/// <summary>The server answered CONNECT with a failure (3.1.1 return codes are mapped to their v5 reason codes).</summary>
internal sealed class MqttConnectException(MqttReasonCode reasonCode, string? reason = null)
    : Exception($"The MQTT server refused the connection: {reasonCode} (0x{(byte)reasonCode:X2}){(reason is null ? "" : ": " + reason)}")
{
    public MqttReasonCode ReasonCode { get; } = reasonCode;
}
