using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SmartCity.Twin.Simulators.Tests.Warnings;

/// <summary>
/// The IOC's alert desk, read through the API as an operator's dashboard reads it (<c>/api/v1/alerts</c>,
/// <c>/api/v1/incidents</c>): JSON only, no server types. The twins raise alerts while the drill's messages are taken in,
/// and the API's directory follows their changes, so what a drill causes is waited for, with a generous deadline for a
/// loaded machine, rather than read once.
/// </summary>
internal sealed class AlertDesk(HttpClient client)
{
    /// <summary>Long enough for a busy two-core machine; a condition that holds is seen within a second or two.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Every alert of a twin (of one type, if given), whatever its status, newest first.</summary>
    public async Task<IReadOnlyList<JsonObject>> AlertsAsync(string twinId, string? type = null)
    {
        var query = $"api/v1/alerts?twin={Uri.EscapeDataString(twinId)}&limit=1000" + (type is null ? string.Empty : $"&type={Uri.EscapeDataString(type)}");
        using var response = await client.GetAsync(new Uri(query, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var page = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return page["items"]!.AsArray().Select(item => item!.AsObject()).ToList();
    }

    /// <summary>Every alert of <paramref name="type"/> on any twin, whatever its status.</summary>
    public async Task<IReadOnlyList<JsonObject>> AlertsOfTypeAsync(string type)
    {
        var query = $"api/v1/alerts?type={Uri.EscapeDataString(type)}&limit=1000";
        using var response = await client.GetAsync(new Uri(query, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var page = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return page["items"]!.AsArray().Select(item => item!.AsObject()).ToList();
    }

    public async Task<JsonObject> AlertAsync(string id) => await ReadAsync($"api/v1/alerts/{Uri.EscapeDataString(id)}");

    public async Task<JsonObject> IncidentAsync(string id) => await ReadAsync($"api/v1/incidents/{Uri.EscapeDataString(id)}");

    /// <summary>The twin's alerts of <paramref name="type"/> once there is at least one; fails naming what the twin did raise.</summary>
    public async Task<IReadOnlyList<JsonObject>> WaitForAlertsAsync(string twinId, string type)
    {
        IReadOnlyList<JsonObject> found = [];
        await WaitUntilAsync(async () => (found = await AlertsAsync(twinId, type)).Count > 0, async () => $"no {type} alert on {twinId}; its alerts: {await DescribeAsync(twinId)}");
        return found;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or <see cref="Patience"/> runs out.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, Func<Task<string>> failure)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"After {Patience.TotalSeconds:0} s: {await failure()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>"fire Active raised 2026-11-22T06:04:10Z, …" for failure messages.</summary>
    public async Task<string> DescribeAsync(string twinId)
    {
        var alerts = await AlertsAsync(twinId);
        return alerts.Count == 0
            ? "none"
            : string.Join(", ", alerts.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Str("type")} {a.Str("status")} raised {a.Time("raisedAt"):O}")));
    }

    private async Task<JsonObject> ReadAsync(string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
