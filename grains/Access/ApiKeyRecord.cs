namespace SmartCity.Twin.Grains.Access;

/// <summary>
/// A stored API key: never the key itself, only the public <see cref="LookupId"/> that the key starts with and a
/// salted hash of its secret part (see <see cref="ApiKeySecret"/>).
/// </summary>
public sealed record ApiKeyRecord(
    string Name,
    string LookupId,
    byte[] Salt,
    byte[] SecretHash,
    IReadOnlyList<string> Scopes,
    int? RateLimitPerMinute,
    DateTimeOffset CreatedAt,
    string CreatedBy);
