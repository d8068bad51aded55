using System.Text.Json;

namespace SmartCity.Twin.Silo.Endpoints;

/// <summary>A device's reply to a command: its JSON as sent, or the raw text when it replied with something else.</summary>
internal sealed record CommandReplyResponse(string RequestId, string Status, JsonElement? Reply, string? ReplyText);
