using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace SmartCity.Twin.Silo.Tests.Mqtt;

/// <summary>
/// One silo per test class serving HTTP and MQTT on free loopback ports (in-memory storage, no demo province, a known
/// admin key), with the HTTP calls the interop tests make around the MQTT clients. Tests use their own device ids, so
/// they share it without interfering.
/// </summary>
public class MqttSiloFixture : IAsyncLifetime
{
    public const string AdminKey = "mqtt-interop-admin-key-for-tests";

    public const string EnvironmentSensor = "environment-sensor";

    private static readonly TimeSpan ListenerTimeout = TimeSpan.FromSeconds(30);

    private readonly TempDataFolder _data = new();
    private SiloProcess? _silo;

    public int MqttPort => Silo.MqttPort;

    internal SiloProcess Silo => _silo ?? throw new InvalidOperationException("The silo has not been started.");

    /// <summary>An operator's MQTT identity: any username, the admin key as password.</summary>
    internal static ProvisionedDevice Operator { get; } = new("ioc-operator", EnvironmentSensor, "ioc-operator", AdminKey, AccessToken: "");

    public virtual async Task InitializeAsync()
    {
        _silo = SiloProcess.StartWithMqtt(
            _data.Path, ["--Storage:Provider", "memory", "--Demo:Enabled", "false", "--Auth:AdminKey", AdminKey, .. ExtraArguments()]);
        await _silo.WaitUntilHealthyAsync();
        await WaitForMqttListenerAsync();
    }

    /// <summary>More silo arguments, for fixtures that configure the silo further.</summary>
    protected virtual IEnumerable<string> ExtraArguments() => [];

    public virtual async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        _data.Dispose();
    }

    /// <summary><c>PUT /api/v1/twins/{id}</c> of a new device (a unique id from <paramref name="idPrefix"/>); asserts 201 and credentials.</summary>
    internal async Task<ProvisionedDevice> ProvisionAsync(string idPrefix, string kind = EnvironmentSensor)
    {
        var id = $"{idPrefix}-{Guid.NewGuid():N}"[..(idPrefix.Length + 9)];
        using var request = new HttpRequestMessage(HttpMethod.Put, $"api/v1/twins/{id}")
        {
            Content = new StringContent(
                $$$"""{"kind": "{{{kind}}}", "name": "MQTT interop {{{id}}}", "location": {"lon": 106.34, "lat": 20.45}}""",
                Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Add("X-Api-Key", AdminKey);
        using var response = await Silo.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"PUT /api/v1/twins/{id}: {(int)response.StatusCode} {body}\n{SiloOutputTail()}");

        var twin = JsonDocument.Parse(body).RootElement;
        Assert.True(twin.TryGetProperty("credentials", out var credentials), $"no credentials in the creation response: {body}");
        return new ProvisionedDevice(
            id,
            kind,
            credentials.GetProperty("username").GetString()!,
            credentials.GetProperty("password").GetString()!,
            credentials.GetProperty("accessToken").GetString()!);
    }

    /// <summary><c>GET /api/v1/gateways/mqtt</c>: connected clients and the endpoint's counters.</summary>
    internal async Task<JsonElement> GetMqttStatusAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/gateways/mqtt");
        request.Headers.Add("X-Api-Key", AdminKey);
        using var response = await Silo.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /api/v1/gateways/mqtt: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    internal async Task<JsonElement> GetTwinAsync(string id)
    {
        using var response = await Silo.AdminHttp.GetAsync(new Uri($"api/v1/twins/{id}", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /api/v1/twins/{id}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Polls the twin until <paramref name="condition"/> holds; fails with the last snapshot and the silo's output.</summary>
    internal async Task<JsonElement> WaitForTwinAsync(string id, Func<JsonElement, bool> condition, TimeSpan timeout, string expectation)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var twin = await GetTwinAsync(id);
            if (condition(twin))
            {
                return twin;
            }

            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"Twin {id}: expected {expectation} within {timeout}, last snapshot:\n{twin}\n{SiloOutputTail()}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The latest value of <paramref name="metric"/> in a twin snapshot's <c>metrics</c>, or <c>null</c>.</summary>
    internal static double? Metric(JsonElement twin, string metric)
    {
        if (!twin.TryGetProperty("metrics", out var metrics) || metrics.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var reading in metrics.EnumerateArray())
        {
            if (reading.TryGetProperty("metric", out var name) && name.GetString() == metric)
            {
                return reading.GetProperty("value").GetDouble();
            }
        }

        return null;
    }

    internal static string? Liveness(JsonElement twin)
        => twin.TryGetProperty("liveness", out var liveness) ? liveness.ToString() : null;

    internal static string? Reported(JsonElement twin, string property)
        => twin.TryGetProperty("reported", out var reported) && reported.ValueKind == JsonValueKind.Object
           && reported.TryGetProperty(property, out var value) ? value.ToString() : null;

    /// <summary><c>POST /api/v1/twins/{id}/commands</c> with the admin key.</summary>
    internal async Task<(HttpStatusCode Status, string? MediaType, string Body)> SendCommandAsync(
        string id, string name, object payload, int timeoutSeconds)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/twins/{id}/commands")
        {
            Content = JsonContent.Create(new CommandRequest(name, payload, timeoutSeconds)),
        };
        request.Headers.Add("X-Api-Key", AdminKey);
        using var response = await Silo.Http.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    internal string SiloOutputTail()
    {
        var output = Silo.Output;
        return "silo output (tail):\n" + (output.Length > 4000 ? output[^4000..] : output);
    }

    private async Task WaitForMqttListenerAsync()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Silo.MqttPort);
                return;
            }
            catch (SocketException) when (clock.Elapsed < ListenerTimeout && !Silo.HasExited)
            {
                await Task.Delay(100);
            }
            catch (SocketException e)
            {
                throw new InvalidOperationException(
                    $"The silo is healthy but nothing listens for MQTT on 127.0.0.1:{Silo.MqttPort} ({e.SocketErrorCode}).\n{SiloOutputTail()}", e);
            }
        }
    }
}
