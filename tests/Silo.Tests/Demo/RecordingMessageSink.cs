using System.Buffers;
using System.Text;
using SmartCity.Twin.Gateways.Devices.Topics;
using SmartCity.Twin.Gateways.Mqtt.Broker;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Silo.Tests.Demo;

/// <summary>Stands in for the twin's message sink: records what it is given and answers with <see cref="Decision"/>.</summary>
internal sealed class RecordingMessageSink : IDeviceMessageSink
{
    public List<(string Topic, string Payload, DateTimeOffset ReceivedAt, MqttQualityOfService QualityOfService)> Received { get; } = [];

    public MqttPublishDecision Decision { get; set; } = MqttPublishDecision.AcceptWithoutRouting();

    public ValueTask<MqttPublishDecision> ApplyAsync(
        string topic,
        ReadOnlySequence<byte> payload,
        DateTimeOffset receivedAt,
        CancellationToken cancellationToken,
        MqttQualityOfService qualityOfService = MqttQualityOfService.AtLeastOnce)
    {
        Received.Add((topic, Encoding.UTF8.GetString(payload), receivedAt, qualityOfService));
        return ValueTask.FromResult(Decision);
    }
}
