using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Client;

/// <summary>A packet identifier in use: an outgoing QoS 1/2 PUBLISH awaiting PUBACK/PUBCOMP, or a SUBSCRIBE awaiting SUBACK.</summary>
internal sealed class MqttPendingOperation
{
    private MqttPendingOperation(MqttPacketType awaiting, MqttQualityOfService qualityOfService)
    {
        Awaiting = awaiting;
        QualityOfService = qualityOfService;
    }

    /// <summary>PUBACK (QoS 1), PUBREC then PUBCOMP (QoS 2), or SUBACK.</summary>
    public MqttPacketType Awaiting { get; set; }

    public MqttQualityOfService QualityOfService { get; }

    /// <summary>Completes with the publish's reason code; continuations run asynchronously so they never run on the receive loop.</summary>
    public TaskCompletionSource<MqttReasonCode>? Publish { get; private init; }

    public TaskCompletionSource<MqttReasonCode[]>? Subscribe { get; private init; }

    public static MqttPendingOperation ForPublish(MqttQualityOfService qualityOfService) =>
        new(qualityOfService == MqttQualityOfService.AtLeastOnce ? MqttPacketType.PubAck : MqttPacketType.PubRec, qualityOfService)
        {
            Publish = new TaskCompletionSource<MqttReasonCode>(TaskCreationOptions.RunContinuationsAsynchronously),
        };

    public static MqttPendingOperation ForSubscribe() =>
        new(MqttPacketType.SubAck, MqttQualityOfService.AtMostOnce)
        {
            Subscribe = new TaskCompletionSource<MqttReasonCode[]>(TaskCreationOptions.RunContinuationsAsynchronously),
        };

    public void Fail(Exception exception)
    {
        Publish?.TrySetException(exception);
        Subscribe?.TrySetException(exception);
    }
}
