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
}
