namespace SmartCity.Twin.Api.Security.Keys;

/// <summary>A new API key. <see cref="Key"/> is shown this once: only a salted hash of it is stored.</summary>
public sealed record ApiKeyCreatedResponse(string Name, string Key, IReadOnlyList<string> Scopes, int? RateLimitPerMinute, DateTimeOffset CreatedAt, string CreatedBy);
