namespace SmartCity.Twin.Api.Security.Keys;

/// <param name="RateLimitPerMinute">Requests per minute for this key; omitted: <c>Auth:RateLimit:PermitsPerMinute</c>.</param>
public sealed record CreateApiKeyRequest(string? Name, IReadOnlyList<string>? Scopes, int? RateLimitPerMinute);
