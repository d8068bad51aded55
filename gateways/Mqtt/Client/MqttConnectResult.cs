using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Client;

/// <summary>What CONNACK said; 3.1.1 return codes are already mapped to v5 reason codes.</summary>
internal readonly record struct MqttConnectResult(
    MqttReasonCode ReasonCode,
    bool SessionPresent,
    string? AssignedClientId = null,
    ushort? ReceiveMaximum = null,
    TimeSpan? ServerKeepAlive = null,
    string? Reason = null);
