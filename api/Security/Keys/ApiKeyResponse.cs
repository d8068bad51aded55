namespace SmartCity.Twin.Api.Security.Keys;

/// <summary>An API key as listed: never its secret. <see cref="Prefix"/> is how the key starts, to tell keys apart.</summary>
public sealed record ApiKeyResponse(string Name, string Prefix, IReadOnlyList<string> Scopes, int? RateLimitPerMinute, DateTimeOffset CreatedAt, string CreatedBy);
