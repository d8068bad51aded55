using System.Buffers;
using SmartCity.Twin.Gateways.Mqtt.Broker;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Devices.Topics;

/// <summary>
/// Turns a message on the twin's topic scheme (<c>city/v1/{kind}/{deviceId}/...</c>) into grain calls. Used by the
/// built-in endpoint after a device's policy has checked the topic, and by the bridge for messages an external
/// broker has already authenticated.
/// </summary>
internal interface IDeviceMessageSink
{
    /// <summary>
    /// Applies one message. Completes once the twin has accepted it (for telemetry, events, state and status), or
    /// with a refusal saying why (unknown topic, malformed JSON, impossible value...). Never throws for bad input.
    /// At <see cref="MqttQualityOfService.AtMostOnce"/> it completes once the message is validated and on its way to
    /// the twin: nobody waits for an acknowledgement.
    /// </summary>
    ValueTask<MqttPublishDecision> ApplyAsync(
        string topic,
        ReadOnlySequence<byte> payload,
        DateTimeOffset receivedAt,
        CancellationToken cancellationToken,
        MqttQualityOfService qualityOfService = MqttQualityOfService.AtLeastOnce);
}
