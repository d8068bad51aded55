using SmartCity.Twin.Gateways.Devices.Topics;
using SmartCity.Twin.Gateways.Mqtt.Broker;

namespace SmartCity.Twin.Benchmarks.Mqtt;

/// <summary>
/// Lets every client in and hands each publish to the twin's real message sink (payload validation, then the device
/// twin grain), counting what the twin accepted. Only the device credential check of the silo's authority is left out,
/// so the benchmark needs no provisioned credentials.
/// </summary>
internal sealed class TwinSinkAuthority(IDeviceMessageSink sink, MessageCounter applied, MessageCounter refused) : IMqttClientAuthority
{
    public ValueTask<MqttConnectOutcome> AuthenticateAsync(MqttConnectRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(MqttConnectOutcome.Accept(new TwinSinkPolicy(request.ClientId, sink, applied, refused)));
}
