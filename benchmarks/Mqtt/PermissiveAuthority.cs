using SmartCity.Twin.Gateways.Mqtt.Broker;

namespace SmartCity.Twin.Benchmarks.Mqtt;

/// <summary>
/// Lets every client in and every publish through, counting the publishes: the endpoint's own cost without the twin
/// behind it. With <paramref name="route"/> each message is also routed under its topic (to a subscriber of <c>#</c>),
/// which is the work mosquitto does in the baseline.
/// </summary>
internal sealed class PermissiveAuthority(MessageCounter applied, bool route) : IMqttClientAuthority
{
    public ValueTask<MqttConnectOutcome> AuthenticateAsync(MqttConnectRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(MqttConnectOutcome.Accept(new CountingPolicy(request.ClientId, applied, route)));
}
