using System.Collections.Concurrent;
using SmartCity.Twin.Gateways.Mqtt.Broker;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Broker;

/// <summary>
/// Accepts every client except user name "bad" (0x86) and "throw" (the authority fails). Its policies refuse publishing to
/// and subscribing under <c>forbidden/</c>, rewrite <c>me/#</c> to <c>devices/{clientId}/#</c>, and record what they saw.
/// </summary>
internal sealed class TestAuthority : IMqttClientAuthority
{
    public ConcurrentQueue<MqttInboundPublish> Publishes { get; } = new();

    public ConcurrentQueue<(string ClientId, MqttConnectionCloseReason Reason)> Closes { get; } = new();

    /// <summary>When set, every publish decision waits this long (to show that PUBACK follows the policy).</summary>
    public TimeSpan PublishDelay { get; set; }

    /// <summary>Whether policies keep every publish in <see cref="Publishes"/>; off for load, so memory stays flat.</summary>
    public bool RecordPublishes { get; set; } = true;

    public ValueTask<MqttConnectOutcome> AuthenticateAsync(MqttConnectRequest request, CancellationToken cancellationToken)
    {
        return request.Username switch
        {
            "bad" => ValueTask.FromResult(MqttConnectOutcome.Refuse(MqttReasonCode.BadUserNameOrPassword)),
            "throw" => throw new InvalidOperationException("authority failure"),
            _ => ValueTask.FromResult(MqttConnectOutcome.Accept(new TestPolicy(this, request.ClientId))),
        };
    }
}
