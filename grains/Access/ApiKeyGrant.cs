namespace SmartCity.Twin.Grains.Access;

/// <summary>What an admin asks for when creating an API key.</summary>
/// <param name="RateLimitPerMinute"><c>null</c>: the silo's default limit.</param>
public sealed record ApiKeyGrant(string Name, IReadOnlyList<string> Scopes, int? RateLimitPerMinute, string CreatedBy);
