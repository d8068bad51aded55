namespace SmartCity.Twin.Api.Security;

/// <summary>The <c>Auth:RateLimit</c> section.</summary>
internal sealed class RateLimitSettings
{
    /// <summary>Requests per minute for an API key without its own limit, an operator, or an anonymous client (per IP). Default 600.</summary>
    public int PermitsPerMinute { get; set; } = 600;
}
