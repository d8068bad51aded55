using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SmartCity.Twin.Api.Tests.Alerts;

/// <summary>Reads API answers as a client would: JSON, no server types.</summary>
internal static class AlertJson
{
    public static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    public static async Task<JsonArray> ReadItemsAsync(HttpResponseMessage response) =>
        (await ReadObjectAsync(response))["items"]!.AsArray();

    public static string Str(this JsonNode? node, string name) => node![name]!.GetValue<string>();

    public static string? StrOrNull(this JsonNode? node, string name) =>
        node![name] is { } value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static IReadOnlyList<string> Ids(this JsonArray items) => items.Select(i => i.Str("id")).ToList();

    /// <summary>
    /// Reads <paramref name="path"/> until <paramref name="condition"/> holds or 30 s pass, and returns the last read:
    /// what the grain does after the call that caused it (an escalation, a corroboration) reaches the API a moment later.
    /// </summary>
    public static async Task<JsonObject> EventuallyAsync(HttpClient client, string path, Func<JsonObject, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            using var response = await client.GetAsync(path);
            var read = await ReadObjectAsync(response);
            if (condition(read) || DateTime.UtcNow > deadline)
            {
                return read;
            }

            await Task.Delay(50);
        }
    }
}
