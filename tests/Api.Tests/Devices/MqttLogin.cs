using System.Text;
using SmartCity.Twin.Gateways.Mqtt.Client;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Api.Tests.Devices;

/// <summary>Raw MQTT connections to the silo with any username and password, for tests about who may connect and publish what.</summary>
internal static class MqttLogin
{
    public static Task<MqttClientConnection> ConnectAsync(
        int port,
        string username,
        string password,
        MqttProtocolVersion version = MqttProtocolVersion.V500,
        MqttClientWill? will = null) =>
        MqttClientConnection.ConnectAsync(
            new MqttClientOptions
            {
                Host = "127.0.0.1",
                Port = port,
                ClientId = "login-" + Guid.NewGuid().ToString("N"),
                Username = username,
                Password = Encoding.UTF8.GetBytes(password),
                Version = version,
                Will = will,
            },
            handler: null,
            CancellationToken.None);

    /// <summary>The CONNACK reason code of a connection attempt; <see cref="MqttReasonCode.Success"/> when it connected.</summary>
    public static async Task<MqttReasonCode> TryConnectAsync(int port, string username, string password, MqttProtocolVersion version = MqttProtocolVersion.V500)
    {
        try
        {
            await using var connection = await ConnectAsync(port, username, password, version);
            return MqttReasonCode.Success;
        }
        catch (MqttConnectException e)
        {
            return e.ReasonCode;
        }
    }

    /// <summary>QoS 1, so the returned reason code is the PUBACK's: the broker acknowledges only once the twin has the message.</summary>
    public static ValueTask<MqttReasonCode> PublishAsync(this MqttClientConnection connection, string topic, string payload) =>
        connection.PublishAsync(topic, Encoding.UTF8.GetBytes(payload), MqttQualityOfService.AtLeastOnce);
}
