using System.Text.Json;

namespace SmartCity.Twin.Api.Tests.Live;

/// <summary>A message the hub pushed: its target (<c>snapshot</c>, <c>deltas</c>, <c>alerts</c>) and arguments.</summary>
internal sealed record HubMessage(string Target, IReadOnlyList<JsonElement> Arguments, DateTimeOffset ReceivedAt)
{
    public string? SubscriptionId => Arguments.Count > 0 ? Arguments[0].GetString() : null;

    /// <summary>The twins of a <c>snapshot</c> or <c>deltas</c>.</summary>
    public IReadOnlyList<JsonElement> Twins => Arguments.Count > 1 && Arguments[1].ValueKind == JsonValueKind.Array ? [.. Arguments[1].EnumerateArray()] : [];

    public IReadOnlyList<string> TwinIds => [.. Twins.Select(t => t.GetProperty("id").GetString()!)];

    /// <summary>The removed twin ids of a <c>deltas</c>.</summary>
    public IReadOnlyList<string> Removed => Target == "deltas" && Arguments.Count > 2 ? [.. Arguments[2].EnumerateArray().Select(e => e.GetString()!)] : [];

    public override string ToString() => $"{Target}({string.Join(", ", Arguments.Select(a => a.GetRawText()))})";
}
