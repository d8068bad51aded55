namespace SmartCity.Twin.Api.Security;

/// <summary>The <c>Auth</c> section (the admin key itself is resolved by the silo).</summary>
internal sealed class AuthSettings
{
    public const string SectionName = "Auth";

    /// <summary>Operators seeded from configuration, by user name: <c>Auth:Users:{name}:PasswordHash</c> and <c>:Role</c>.</summary>
    public Dictionary<string, ConfiguredOperatorSettings> Users { get; set; } = [];

    public RateLimitSettings RateLimit { get; set; } = new();

    /// <summary>How long a dashboard sign-in lasts without activity (sliding). Default 8 hours.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How long a bearer token from login is valid. Default 1 hour; tools sign in again after that.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);
}
