using System.Globalization;
using System.Text.Json;

namespace SmartCity.Twin.Simulators.Load;

/// <summary>
/// After a run, what the twins say they took: the sum over the run's devices of the last sequence number each twin
/// shows (<see cref="LoadFleet.SequenceMetric"/>), read page by page from <c>GET /api/v1/twins</c>. It equals the
/// acknowledged count when no message was lost, refused or taken twice.
/// </summary>
internal static class TwinTally
{
    private const int PageSize = 1000;

    public static async Task<long> CountAsync(HttpClient http, IReadOnlyList<LoadDevice> devices, string? districtId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(devices);
        var ids = devices.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var query = $"api/v1/twins?kind={LoadDevice.Kind}&limit={PageSize.ToString(CultureInfo.InvariantCulture)}"
            + (districtId is null ? "" : "&district=" + Uri.EscapeDataString(districtId));
        long total = 0;
        string? cursor = null;
        do
        {
            var page = cursor is null ? query : query + "&cursor=" + Uri.EscapeDataString(cursor);
            using var response = await http.GetAsync(new Uri(page, UriKind.Relative), cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"GET /{page}: {(int)response.StatusCode} {(body.Length > 200 ? body[..200] : body)}");
            }

            using var document = JsonDocument.Parse(body);
            foreach (var twin in document.RootElement.GetProperty("items").EnumerateArray())
            {
                if (ids.Contains(twin.GetProperty("id").GetString() ?? "") && LoadReadings.Sequence(twin) is { } sequence)
                {
                    total += (long)sequence;
                }
            }

            cursor = document.RootElement.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null);

        return total;
    }
}
