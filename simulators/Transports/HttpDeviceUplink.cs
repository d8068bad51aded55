using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SmartCity.Twin.Simulation.Messages;
using SmartCity.Twin.Simulation.Province;
using SmartCity.Twin.Simulation.Running;
using SmartCity.Twin.Simulators.Provisioning;

namespace SmartCity.Twin.Simulators.Transports;

/// <summary>
/// Devices that post to the HTTP ingestion endpoints (<c>POST /api/v1/twins/{id}/telemetry|events|state</c>) with
/// their own credential, <c>Authorization: Basic base64(id:secret)</c>. HTTP has no liveness channel, so connectivity
/// changes are not sent: their twins show when they were last heard from.
/// </summary>
internal sealed class HttpDeviceUplink : IFleetUplink
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient http;
    private readonly FrozenDictionary<string, AuthenticationHeaderValue> authorizations;
    private readonly ConcurrentDictionary<string, byte> heard = new(StringComparer.Ordinal);
    private readonly ApiRetry retry;

    public HttpDeviceUplink(HttpClient http, IEnumerable<SimulatedDevice> devices, IReadOnlyDictionary<string, DeviceCredentials> credentials, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(credentials);
        this.http = http;
        retry = new ApiRetry(http, time ?? throw new ArgumentNullException(nameof(time)), attempts: 4, longestWait: TimeSpan.FromSeconds(30));
        authorizations = devices.ToFrozenDictionary(
            d => d.Id,
            d => credentials.TryGetValue(d.Id, out var c)
                ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{c.Username}:{c.Password}")))
                : throw new ArgumentException($"No credentials for device '{d.Id}'.", nameof(credentials)),
            StringComparer.Ordinal);
    }

    /// <summary>Devices whose last message was accepted and that have not gone off since.</summary>
    public int ConnectedDevices => heard.Count;

    public async ValueTask SendAsync(DeviceMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = message.Device.Id;
        if (!authorizations.TryGetValue(id, out var authorization))
        {
            throw new DeviceUplinkException($"{id}: not a device of this HTTP uplink.");
        }

        if (DeviceMessageFormat.HttpPath(message) is not { } path)
        {
            if (message.Kind is DeviceMessageKind.Offline or DeviceMessageKind.ConnectionLost)
            {
                heard.TryRemove(id, out _);
            }

            return;
        }

        var payload = DeviceMessageFormat.Payload(message);
        HttpResponseMessage response;
        try
        {
            response = await retry.SendAsync(
                () => new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
                {
                    Headers = { Authorization = authorization },
                    Content = new ByteArrayContent(payload) { Headers = { ContentType = Json } },
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new IOException($"{id}: POST /{path} failed: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient's own timeout.
            throw new IOException($"{id}: POST /{path} timed out", e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                throw new DeviceUplinkException($"{id}: POST /{path}: {(int)response.StatusCode} {ApiProblem.Describe(body)}");
            }

            heard.TryAdd(id, 0);
        }
    }

    public Task SignOffAsync(CancellationToken cancellationToken)
    {
        heard.Clear();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
