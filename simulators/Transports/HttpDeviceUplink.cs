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
/// changes are not sent: the twin notices silence by itself.
/// </summary>
internal sealed class HttpDeviceUplink : IFleetUplink
{
    private const int Attempts = 4;
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient http;
    private readonly FrozenDictionary<string, AuthenticationHeaderValue> authorizations;
    private readonly ConcurrentDictionary<string, byte> heard = new(StringComparer.Ordinal);
    private readonly TimeProvider time;

    public HttpDeviceUplink(HttpClient http, IEnumerable<SimulatedDevice> devices, IReadOnlyDictionary<string, DeviceCredentials> credentials, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(credentials);
        this.http = http;
        this.time = time ?? throw new ArgumentNullException(nameof(time));
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
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan wait;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative));
                request.Headers.Authorization = authorization;
                request.Content = new ByteArrayContent(payload) { Headers = { ContentType = Json } };
                using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    heard.TryAdd(id, 0);
                    return;
                }

                if (!IsTransient(response.StatusCode) || attempt == Attempts)
                {
                    var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    throw new DeviceUplinkException($"{id}: POST /{path}: {(int)response.StatusCode} {ApiProblem.Describe(body)}");
                }

                wait = RetryAfter(response) ?? Backoff(attempt);
            }
            catch (HttpRequestException e)
            {
                if (attempt == Attempts)
                {
                    throw new IOException($"{id}: POST /{path} failed: {e.Message}", e);
                }

                wait = Backoff(attempt);
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                // HttpClient's own timeout.
                if (attempt == Attempts)
                {
                    throw new IOException($"{id}: POST /{path} timed out", e);
                }

                wait = Backoff(attempt);
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task SignOffAsync(CancellationToken cancellationToken)
    {
        heard.Clear();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        return wait is null ? null : TimeSpan.FromTicks(Math.Clamp(wait.Value.Ticks, 0, LongestWait.Ticks));
    }

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(250 * (1 << (attempt - 1)));
}
