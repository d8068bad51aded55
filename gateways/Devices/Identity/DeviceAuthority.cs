using System.Text;
using Microsoft.Extensions.Logging;
using SmartCity.Twin.Gateways.Devices.Commands;
using SmartCity.Twin.Gateways.Devices.Desired;
using SmartCity.Twin.Gateways.Devices.Topics;
using SmartCity.Twin.Gateways.Mqtt.Broker;
using SmartCity.Twin.Gateways.Mqtt.Protocol;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Devices.Credentials;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Gateways.Devices.Identity;

/// <summary>
/// Who may connect: a device with username = device id and password = its secret, a ThingsBoard device with its
/// access token as username, or an operator, service or gateway with an API key as password (see <see cref="IOperatorKeys"/>).
/// </summary>
internal sealed class DeviceAuthority(
    IGrainFactory grains,
    IOperatorKeys operatorKeys,
    TwinMessageSink sink,
    PendingCommands commands,
    DeviceConnections connections,
    DesiredPropertiesPublisher desired,
    TimeProvider clock,
    ILogger<DeviceAuthority> logger) : IMqttClientAuthority
{
    private const int MaxCredentialLength = 512;

    public async ValueTask<MqttConnectOutcome> AuthenticateAsync(MqttConnectRequest request, CancellationToken cancellationToken)
    {
        if (request.Password.Length > MaxCredentialLength || (request.Username?.Length ?? 0) > MaxCredentialLength)
        {
            return Refuse(request, "credentials too long");
        }

        var access = request.Password.IsEmpty ? KeyAccess.None : await operatorKeys.CheckAsync(request.Password, cancellationToken).ConfigureAwait(false);
        switch (access)
        {
            case KeyAccess.Operator when request.WillTopic is not null:
                return Refuse(request, "operator connections are read-only and cannot have a Will");
            case KeyAccess.Operator:
                return MqttConnectOutcome.Accept(new OperatorPolicy(KeyHolderName(request), logger));
            case KeyAccess.Gateway when request.WillTopic is not null:
                return Refuse(request, "gateway connections cannot have a Will: when one drops, the devices it spoke for are reported offline");
            case KeyAccess.Gateway:
                var name = KeyHolderName(request);
                GatewayLog.GatewayConnected(logger, name, request.ClientId);
                return MqttConnectOutcome.Accept(new GatewayPolicy(name, grains, sink, connections, clock, logger));
        }

        if (string.IsNullOrEmpty(request.Username))
        {
            return Refuse(request, "no username: devices connect with their id as username and their secret as password");
        }

        string deviceId;
        string secret;
        if (request.Password.IsEmpty)
        {
            if (!AccessToken.TryParse(request.Username, out deviceId, out secret))
            {
                return Refuse(request, "no password, and the username is not an access token");
            }
        }
        else
        {
            deviceId = request.Username;
            secret = Encoding.UTF8.GetString(request.Password.Span);
        }

        var kind = await grains.GetGrain<IDeviceCredentials>(deviceId).Authenticate(secret).ConfigureAwait(false);
        if (kind is null)
        {
            return Refuse(request, $"unknown device '{deviceId}' or wrong secret");
        }

        var policy = new DevicePolicy(kind.Value, deviceId, sink, commands, connections, logger);
        if (request.WillTopic is { } willTopic && !policy.MayUseWill(willTopic))
        {
            policy.OnConnectionClosed(MqttConnectionCloseReason.ServerShutdown);
            return Refuse(request, $"the Will topic '{willTopic}' is not one of the device's own topics");
        }

        _ = grains.GetDeviceTwin(kind.Value, deviceId).ReportStatus(DeviceStatus.Online, clock.GetUtcNow());
        desired.RestoreOnConnect(kind.Value, deviceId);
        DeviceEndpointLog.DeviceConnected(logger, deviceId, kind.Value, request.ClientId);
        return MqttConnectOutcome.Accept(policy);
    }

    /// <summary>The username of a connection with an API key is any name, for logs; the client id when there is none.</summary>
    private static string KeyHolderName(MqttConnectRequest request) => string.IsNullOrEmpty(request.Username) ? request.ClientId : request.Username;

    private MqttConnectOutcome Refuse(MqttConnectRequest request, string reason)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            DeviceEndpointLog.ConnectionRefused(logger, request.ClientId, request.Username, reason);
        }

        return MqttConnectOutcome.Refuse(MqttReasonCode.NotAuthorized);
    }
}
