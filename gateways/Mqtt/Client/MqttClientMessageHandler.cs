namespace SmartCity.Twin.Gateways.Mqtt.Client;

/// <summary>
/// Receives each inbound PUBLISH on the connection's receive loop. A QoS 1 message is acknowledged (PUBACK) and a QoS 2
/// message received (PUBREC) only after the returned task completes successfully; if it throws, the connection is closed
/// without acknowledging, so a persistent session gets the message again on the next connection.
/// </summary>
internal delegate ValueTask MqttClientMessageHandler(MqttReceivedMessage message, CancellationToken cancellationToken);
