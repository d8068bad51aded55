using System.Net;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Broker;

/// <summary>What a client said about itself in CONNECT.</summary>
/// <param name="ClientId">The client identifier, after the endpoint assigned one to an empty identifier.</param>
/// <param name="Password">Raw password bytes; empty when the client sent none.</param>
/// <param name="WillTopic">The Will topic when the client set a Will, so the authority can refuse a Will it may not publish.</param>
public sealed record MqttConnectRequest(
    string ClientId,
    string? Username,
    ReadOnlyMemory<byte> Password,
    MqttProtocolVersion Version,
    EndPoint? RemoteEndPoint,
    string? WillTopic);
