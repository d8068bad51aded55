using System.Net.Security;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartCity.Twin.Gateways.Devices.Topics;
using SmartCity.Twin.Gateways.Mqtt.Client;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Devices.Bridge;

/// <summary>
/// Consumes the twin's topics from an external broker and applies each message to the twin. It keeps a persistent
/// session (v5 session expiry, 3.1.1 clean session 0) and acknowledges a QoS 1 message only after the twin applied it,
/// so messages published while the silo is down or between a receive and its apply are delivered again, not lost.
/// </summary>
internal sealed partial class MqttBridge(
    MqttBridgeOptions options,
    IDeviceMessageSink sink,
    MqttBridgeMetrics metrics,
    TimeProvider timeProvider,
    ILogger<MqttBridge> logger) : BackgroundService
{
    private readonly MqttBridgeEndpoint _endpoint = MqttBridgeEndpoint.Parse(options.Url ?? throw new InvalidOperationException("Mqtt:Bridge:Url is not set."));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var version = MqttProtocolVersion.V500;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            MqttClientConnection? connection = null;
            try
            {
                connection = await MqttClientConnection.ConnectAsync(CreateClientOptions(version), HandleAsync, stoppingToken);
                failures = 0;
                LogConnected(_endpoint.Host, _endpoint.Port, (byte)version, connection.SessionPresent);

                // v5 subscribes on every connection, so topics added to the configuration since the session began are
                // picked up, asking for retained messages only on a new subscription. 3.1.1 cannot ask that: there a
                // resumed session keeps its subscriptions and subscribing again would only resend retained messages.
                if (version == MqttProtocolVersion.V500 || !connection.SessionPresent)
                {
                    var retainHandling = version == MqttProtocolVersion.V500 ? MqttRetainHandling.SendAtSubscribeIfNew : MqttRetainHandling.SendAtSubscribe;
                    var subscriptions = options.Topics
                        .Select(topic => new MqttTopicSubscription(topic, new MqttSubscriptionOptions(MqttQualityOfService.AtLeastOnce, RetainHandling: retainHandling)))
                        .ToArray();
                    var granted = await connection.SubscribeAsync(subscriptions, stoppingToken);
                    for (var i = 0; i < subscriptions.Length; i++)
                    {
                        var code = i < granted.Length ? granted[i] : MqttReasonCode.UnspecifiedError;
                        if ((byte)code >= 0x80)
                        {
                            LogSubscriptionRefused(subscriptions[i].TopicFilter, code);
                        }
                    }
                }

                // Counted once subscribed, so that "connected" means messages flow.
                metrics.Connected();
                await connection.Completion.WaitAsync(stoppingToken);
                LogConnectionClosed(_endpoint.Host, _endpoint.Port);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (MqttConnectException refused) when (refused.ReasonCode == MqttReasonCode.UnsupportedProtocolVersion && version == MqttProtocolVersion.V500)
            {
                // A 3.1.1-only broker: try again at once in the version it speaks, and stay there.
                LogFallingBackTo311(_endpoint.Host, _endpoint.Port);
                version = MqttProtocolVersion.V311;
                continue;
            }
            catch (Exception ex)
            {
                LogConnectionFailed(ex, _endpoint.Host, _endpoint.Port);
            }
            finally
            {
                if (connection is not null)
                {
                    await CloseAsync(connection);
                }
            }

            var delay = ReconnectDelay(failures++);
            LogReconnecting(delay.TotalSeconds);
            try
            {
                await Task.Delay(delay, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Exponential backoff (initial delay doubling up to the maximum) with jitter in [½, 1] of it, so silos do not reconnect in step.</summary>
    internal TimeSpan ReconnectDelay(int failures)
    {
        var initial = options.InitialReconnectDelay.TotalMilliseconds;
        var maximum = options.MaximumReconnectDelay.TotalMilliseconds;
        var ceiling = Math.Min(maximum, initial * Math.Pow(2, Math.Min(failures, 30)));
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (Random.Shared.NextDouble() * 0.5)));
    }

    private async ValueTask HandleAsync(MqttReceivedMessage message, CancellationToken cancellationToken)
    {
        metrics.Received();
        try
        {
            var decision = await sink.ApplyAsync(message.Topic, message.Payload, timeProvider.GetUtcNow(), cancellationToken, message.QualityOfService);
            if (decision.IsAccepted)
            {
                metrics.Applied();
            }
            else
            {
                // Refused for good (unknown device, malformed JSON...): acknowledged, so the broker does not resend it forever.
                metrics.Refused();
                LogMessageRefused(message.Topic, decision.ReasonCode, decision.Reason ?? "");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not refused but not applied either (a grain or storage failure): rethrowing closes the connection without
            // acknowledging, and the persistent session delivers the message again after the reconnect.
            metrics.Failed();
            LogMessageFailed(ex, message.Topic);
            throw;
        }
    }

    private MqttClientOptions CreateClientOptions(MqttProtocolVersion version)
    {
        var username = options.Username ?? _endpoint.Username;
        var password = options.Password ?? _endpoint.Password;
        return new MqttClientOptions
        {
            Host = _endpoint.Host,
            Port = _endpoint.Port,
            Tls = _endpoint.UseTls ? new SslClientAuthenticationOptions { TargetHost = _endpoint.Host } : null,
            ClientId = options.EffectiveClientId,
            Username = username,
            Password = password is null ? default : Encoding.UTF8.GetBytes(password),
            Version = version,
            CleanSession = false,
            SessionExpiry = options.SessionExpiry,
            KeepAlive = options.KeepAlive,
        };
    }

    private async Task CloseAsync(MqttClientConnection connection)
    {
        try
        {
            // DISCONNECT keeps the session (its expiry came with CONNECT); a broken connection is just dropped.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await connection.DisconnectAsync(timeout.Token);
        }
        catch (Exception ex)
        {
            LogDisconnectFailed(ex);
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "MQTT bridge connected to {Host}:{Port} (protocol level {Version}, session present: {SessionPresent})")]
    private partial void LogConnected(string host, int port, byte version, bool sessionPresent);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "MQTT bridge lost its connection to {Host}:{Port}")]
    private partial void LogConnectionClosed(string host, int port);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "MQTT bridge could not stay connected to {Host}:{Port}")]
    private partial void LogConnectionFailed(Exception exception, string host, int port);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "MQTT bridge reconnects in {DelaySeconds:F1} s")]
    private partial void LogReconnecting(double delaySeconds);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "MQTT broker {Host}:{Port} does not speak MQTT 5; the bridge falls back to 3.1.1")]
    private partial void LogFallingBackTo311(string host, int port);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Error, Message = "MQTT broker refused the bridge's subscription to {TopicFilter}: {ReasonCode}")]
    private partial void LogSubscriptionRefused(string topicFilter, MqttReasonCode reasonCode);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Warning, Message = "Twin refused the bridged message on {Topic}: {ReasonCode} {Reason}")]
    private partial void LogMessageRefused(string topic, MqttReasonCode reasonCode, string reason);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Error, Message = "Applying the bridged message on {Topic} failed; it is not acknowledged and comes again after the reconnect")]
    private partial void LogMessageFailed(Exception exception, string topic);

    [LoggerMessage(EventId = 4109, Level = LogLevel.Debug, Message = "MQTT bridge DISCONNECT failed")]
    private partial void LogDisconnectFailed(Exception exception);
}
