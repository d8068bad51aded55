using System.Net.Http.Json;
using System.Text.Json;

namespace SmartCity.Twin.Simulators.Tests.Transports;

/// <summary>Reads twins through the API as an operator would, waiting (generously) for what a device sent to show.</summary>
internal static class TwinProbe
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task<JsonElement> GetAsync(HttpClient admin, string id)
    {
        using var response = await admin.GetAsync(new Uri($"api/v1/twins/{id}", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static string Liveness(JsonElement twin) => twin.GetProperty("liveness").GetString()!;

    public static double? Metric(JsonElement twin, string metric) =>
        twin.GetProperty("metrics").EnumerateArray()
            .Where(m => m.GetProperty("metric").GetString() == metric)
            .Select(m => (double?)m.GetProperty("value").GetDouble())
            .FirstOrDefault();

    public static bool HasMetrics(JsonElement twin) => twin.GetProperty("metrics").GetArrayLength() > 0;

    /// <summary>The twin once <paramref name="condition"/> holds; fails the test with its last state when it never does.</summary>
    public static async Task<JsonElement> WaitUntilAsync(HttpClient admin, string id, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        JsonElement twin = default;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await admin.GetAsync(new Uri($"api/v1/twins/{id}", UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                twin = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (condition(twin))
                {
                    return twin;
                }
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Twin {id} never got there; last seen: {(twin.ValueKind == JsonValueKind.Undefined ? "not found" : twin.ToString())}");
        return twin;
    }
}
