using System.Buffers;
using System.Text;
using System.Threading.Channels;
using SmartCity.Twin.Gateways.Devices.Topics;
using SmartCity.Twin.Gateways.Mqtt.Broker;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Client;

/// <summary>Stands in for the twin: records every message and refuses topics containing "/bad/", as the real sink refuses malformed input.</summary>
internal sealed class RecordingDeviceMessageSink : IDeviceMessageSink
{
    public Channel<(string Topic, string Payload)> Applied { get; } = Channel.CreateUnbounded<(string Topic, string Payload)>();

    public ValueTask<MqttPublishDecision> ApplyAsync(
        string topic,
        ReadOnlySequence<byte> payload,
        DateTimeOffset receivedAt,
        CancellationToken cancellationToken,
        MqttQualityOfService qualityOfService = MqttQualityOfService.AtLeastOnce)
    {
        if (topic.Contains("/bad/", StringComparison.Ordinal))
        {
            return ValueTask.FromResult(MqttPublishDecision.Refuse(MqttReasonCode.PayloadFormatInvalid, "test refusal"));
        }

        Applied.Writer.TryWrite((topic, Encoding.UTF8.GetString(payload)));
        return ValueTask.FromResult(MqttPublishDecision.AcceptWithoutRouting());
    }
}
