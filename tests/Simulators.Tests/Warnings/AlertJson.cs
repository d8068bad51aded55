using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SmartCity.Twin.Simulators.Tests.Warnings;

/// <summary>Reads the API's alert and incident JSON as a client would.</summary>
internal static class AlertJson
{
    public static string Str(this JsonNode node, string name) =>
        node[name]?.GetValue<string>() ?? throw new InvalidOperationException($"no '{name}' in {node.ToJsonString()}");

    public static string? StrOrNull(this JsonNode node, string name) =>
        node[name] is { } value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static DateTimeOffset Time(this JsonNode node, string name) =>
        DateTimeOffset.Parse(node.Str(name), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
