using System.Net;
using Microsoft.Extensions.Logging;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Broker;

/// <summary>Every log line of the MQTT endpoint, source-generated.</summary>
internal static partial class MqttEndpointLog
{
    [LoggerMessage(1, LogLevel.Information, "MQTT endpoint listening on {EndPoint} (TLS: {Tls})")]
    public static partial void Listening(ILogger logger, EndPoint endPoint, bool tls);

    [LoggerMessage(2, LogLevel.Information, "MQTT endpoint stopped; {Connections} connections closed")]
    public static partial void Stopped(ILogger logger, int connections);

    [LoggerMessage(3, LogLevel.Debug, "MQTT client {ClientId} ({Identity}) connected from {RemoteEndPoint}, {Version}, clean start {CleanStart}, session present {SessionPresent}")]
    public static partial void Connected(ILogger logger, string clientId, string identity, EndPoint? remoteEndPoint, MqttProtocolVersion version, bool cleanStart, bool sessionPresent);

    [LoggerMessage(4, LogLevel.Debug, "MQTT client {ClientId} refused: {ReasonCode}")]
    public static partial void Refused(ILogger logger, string clientId, MqttReasonCode reasonCode);

    [LoggerMessage(5, LogLevel.Debug, "MQTT client {ClientId} disconnected: {Reason}")]
    public static partial void Disconnected(ILogger logger, string clientId, MqttConnectionCloseReason reason);

    [LoggerMessage(6, LogLevel.Debug, "MQTT connection from {RemoteEndPoint} broke the protocol: {Problem}")]
    public static partial void ProtocolViolation(ILogger logger, EndPoint? remoteEndPoint, string problem);

    [LoggerMessage(7, LogLevel.Warning, "MQTT connection from {RemoteEndPoint} failed")]
    public static partial void ConnectionFailed(ILogger logger, EndPoint? remoteEndPoint, Exception exception);

    [LoggerMessage(8, LogLevel.Error, "MQTT client authority failed for {ClientId}")]
    public static partial void AuthorityFailed(ILogger logger, string clientId, Exception exception);

    [LoggerMessage(9, LogLevel.Error, "MQTT client policy of {Identity} failed")]
    public static partial void PolicyFailed(ILogger logger, string identity, Exception exception);

    [LoggerMessage(10, LogLevel.Error, "MQTT accept loop failed")]
    public static partial void AcceptFailed(ILogger logger, Exception exception);

    [LoggerMessage(11, LogLevel.Debug, "MQTT publish from {Identity} to {Topic} refused: {ReasonCode} {Reason}")]
    public static partial void PublishRefused(ILogger logger, string identity, string topic, MqttReasonCode reasonCode, string? reason);

    [LoggerMessage(12, LogLevel.Error, "MQTT endpoint housekeeping failed")]
    public static partial void HousekeepingFailed(ILogger logger, Exception exception);
}
