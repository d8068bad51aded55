using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace SmartCity.Twin.Silo.Tests.Demo;

/// <summary>Reads demo twins through the API as a dashboard does, and waits for them to show what the test expects.</summary>
internal static class DemoTwins
{
    /// <summary>Generous for a loaded 2-core machine: the demo's first readings normally arrive within a second of readiness.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public static async Task<JsonElement> GetAsync(SiloProcess silo, string id)
        => await silo.AdminHttp.GetFromJsonAsync<JsonElement>(new Uri($"api/v1/twins/{id}", UriKind.Relative));

    /// <summary>Polls the twin until <paramref name="condition"/> holds; fails with what the twin last showed and the silo's output.</summary>
    public static async Task<JsonElement> WaitUntilAsync(SiloProcess silo, string id, string what, Func<JsonElement, bool> condition, TimeSpan? patience = null)
    {
        var limit = patience ?? Patience;
        var clock = Stopwatch.StartNew();
        JsonElement twin;
        do
        {
            twin = await GetAsync(silo, id);
            if (condition(twin))
            {
                return twin;
            }

            await Task.Delay(250);
        }
        while (clock.Elapsed < limit);

        Assert.Fail($"{id} did not show {what} within {limit}. It showed:\n{twin}\nSilo output:\n{silo.Output}");
        return twin;
    }

    public static bool IsOnline(JsonElement twin) => twin.GetProperty("liveness").GetString() == "Online";

    public static JsonElement? Metric(JsonElement twin, string metric)
    {
        foreach (var reading in twin.GetProperty("metrics").EnumerateArray())
        {
            if (reading.GetProperty("metric").GetString() == metric)
            {
                return reading;
            }
        }

        return null;
    }

    public static bool HasMetric(JsonElement twin, string metric) => Metric(twin, metric) is not null;

    public static DateTimeOffset Timestamp(JsonElement reading) => reading.GetProperty("timestamp").GetDateTimeOffset();

    public static double Value(JsonElement reading) => reading.GetProperty("value").GetDouble();

    /// <summary>Metric name → value, to compare two moments of one twin.</summary>
    public static Dictionary<string, double> Values(JsonElement twin)
        => twin.GetProperty("metrics").EnumerateArray().ToDictionary(r => r.GetProperty("metric").GetString()!, Value, StringComparer.Ordinal);
}
