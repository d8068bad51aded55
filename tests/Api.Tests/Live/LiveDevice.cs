using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SmartCity.Twin.Gateways.Mqtt.Client;
using SmartCity.Twin.Gateways.Mqtt.Protocol;
using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Api.Tests.Live;

/// <summary>A device provisioned through <c>PUT /api/v1/twins/{id}</c> that reports telemetry over MQTT with its own credentials.</summary>
internal sealed class LiveDevice : IAsyncDisposable
{
    private readonly MqttClientConnection mqtt;

    private LiveDevice(string id, string kind, MqttClientConnection mqtt)
    {
        Id = id;
        Kind = kind;
        this.mqtt = mqtt;
    }

    public string Id { get; }

    public string Kind { get; }

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public static async Task<LiveDevice> ProvisionAsync(TwinApiFactory factory, string id, GeoPoint at, string kind = "environment-sensor")
    {
        using var http = factory.CreateAdminClient();
        using var response = await http.PutAsJsonAsync(
            $"/api/v1/twins/{id}",
            new { kind, name = $"Live hub test {id}", location = new { lon = at.Longitude, lat = at.Latitude } });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"PUT /api/v1/twins/{id}: {(int)response.StatusCode} {body}");
        var credentials = JsonDocument.Parse(body).RootElement.GetProperty("credentials");
        var mqtt = await MqttClientConnection.ConnectAsync(
            new MqttClientOptions
            {
                Host = "127.0.0.1",
                Port = factory.MqttPort,
                ClientId = id,
                Username = credentials.GetProperty("username").GetString(),
                Password = Encoding.UTF8.GetBytes(credentials.GetProperty("password").GetString()!),
            },
            null,
            CancellationToken.None);
        return new LiveDevice(id, kind, mqtt);
    }

    /// <summary>Publishes <c>{"values": {metric: value}}</c> on the device's telemetry topic (QoS 1: returns once the twin has it).</summary>
    public async Task PublishAsync(string metric, double value)
    {
        var payload = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $$$"""{"values":{"{{{metric}}}":{{{value}}}}}"""));
        var reason = await mqtt.PublishAsync($"city/v1/{Kind}/{Id}/telemetry", payload, MqttQualityOfService.AtLeastOnce);
        Assert.True((byte)reason < 0x80, $"telemetry of {Id} refused: {reason}");
    }

    public ValueTask DisposeAsync() => mqtt.DisposeAsync();
}
