using Microsoft.Extensions.Logging.Abstractions;
using SmartCity.Twin.Gateways.Devices.Commands;
using SmartCity.Twin.Gateways.Devices.Identity;
using SmartCity.Twin.Gateways.Devices.Topics;
using SmartCity.Twin.Gateways.Mqtt.Broker;
using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Benchmarks.Mqtt;

/// <summary>
/// Lets every client in as the environment sensor its client id names, with the silo's real device policy (topic
/// ACL, payload validation, the device twin grain, QoS 0 backpressure), counting what the policy accepted. Only the
/// device credential check of the silo's authority is left out, so the benchmark needs no provisioned credentials.
/// </summary>
internal sealed class TwinSinkAuthority(TwinMessageSink sink, MessageCounter applied, MessageCounter refused) : IMqttClientAuthority
{
    private readonly PendingCommands _commands = new();
    private readonly DeviceConnections _connections = new();

    public ValueTask<MqttConnectOutcome> AuthenticateAsync(MqttConnectRequest request, CancellationToken cancellationToken)
    {
        var device = new DevicePolicy(DeviceKind.EnvironmentSensor, request.ClientId, sink, _commands, _connections, NullLogger.Instance);
        return ValueTask.FromResult(MqttConnectOutcome.Accept(new TwinSinkPolicy(device, applied, refused)));
    }
}
