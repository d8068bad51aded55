namespace SmartCity.Twin.Gateways.Mqtt.Broker;

/// <summary>
/// Decides who may connect to the endpoint and what each connection may do. The endpoint knows the protocol; the
/// authority knows the twin (device credentials, topic scheme, what a message means). One instance per endpoint.
/// </summary>
public interface IMqttClientAuthority
{
    /// <summary>
    /// Called once per CONNECT, after the packet is decoded and before CONNACK. Not awaited under any lock: it may call
    /// grains or storage. A refusal is sent as CONNACK with the outcome's reason code and the connection is closed.
    /// </summary>
    ValueTask<MqttConnectOutcome> AuthenticateAsync(MqttConnectRequest request, CancellationToken cancellationToken);
}
