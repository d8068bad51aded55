using System.Buffers;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Client;

/// <summary>
/// A PUBLISH the server sent. <see cref="Payload"/> points into the receive buffer, so it is valid only until the handler's
/// task completes (copy it to keep it); that is what lets the receive path run without a copy per message.
/// </summary>
internal readonly record struct MqttReceivedMessage(
    string Topic,
    ReadOnlySequence<byte> Payload,
    MqttQualityOfService QualityOfService,
    bool Retain,
    bool Duplicate);
