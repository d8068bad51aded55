using System.Net;

namespace SmartCity.Twin.Simulators.Provisioning;

/// <summary>
/// How the simulators call the twin's API when it is busy: a 429 is waited out as <c>Retry-After</c> says, network
/// errors, timeouts and 502–504 are retried with a doubling backoff; anything else is the caller's to judge.
/// </summary>
internal sealed class ApiRetry(HttpClient http, TimeProvider time, int attempts, TimeSpan longestWait)
{
    /// <summary>
    /// Sends the request (built anew for each attempt) until the response is not transient or the attempts are used up,
    /// and returns that response for the caller to read and dispose. After the last attempt, the network's own
    /// <see cref="HttpRequestException"/> or the client's timeout (<see cref="TaskCanceledException"/>) is rethrown.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan wait;
            try
            {
                using var message = request();
                var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode || !IsTransient(response.StatusCode) || attempt == attempts)
                {
                    return response;
                }

                wait = RetryAfter(response) ?? Backoff(attempt);
                response.Dispose();
            }
            catch (HttpRequestException) when (attempt < attempts)
            {
                wait = Backoff(attempt);
            }
            catch (TaskCanceledException) when (attempt < attempts && !cancellationToken.IsCancellationRequested)
            {
                wait = Backoff(attempt);
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        return wait is null ? null : TimeSpan.FromTicks(Math.Clamp(wait.Value.Ticks, 0, longestWait.Ticks));
    }

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(Math.Min(250 * (1 << (attempt - 1)), 8_000));
}
