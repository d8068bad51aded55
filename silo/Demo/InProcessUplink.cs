using System.Buffers;
using SmartCity.Twin.Gateways.Devices.Topics;
using SmartCity.Twin.Simulation.Messages;
using SmartCity.Twin.Simulation.Running;

namespace SmartCity.Twin.Silo.Demo;

/// <summary>
/// Hands the demo devices' messages to the twin through the same sink the MQTT endpoint uses, as the topic and payload
/// a real device would publish: validation, clock-skew checks and grain calls are those of a real device, without a
/// socket or credentials in between.
/// </summary>
internal sealed class InProcessUplink(IDeviceMessageSink sink, TimeProvider wall) : IDeviceUplink
{
    public async ValueTask SendAsync(DeviceMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var topic = DeviceMessageFormat.Topic(message);
        var payload = new ReadOnlySequence<byte>(DeviceMessageFormat.Payload(message));

        // Stamped on arrival as the endpoint stamps an MQTT message; the payload carries the simulated time.
        var decision = await sink.ApplyAsync(topic, payload, wall.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (!decision.IsAccepted)
        {
            throw new DeviceUplinkException($"{topic}: {decision.Reason ?? "refused"} ({decision.ReasonCode})");
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
