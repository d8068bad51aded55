using System.Globalization;
using System.Security.Claims;
using SmartCity.Twin.Grains.Access;

namespace SmartCity.Twin.Api.Security;

/// <summary>The principal of an API key: named <c>key:{name}</c>, one <c>scope</c> claim per granted scope.</summary>
internal static class ApiKeyPrincipal
{
    public const string NamePrefix = "key:";

    /// <summary>The admin key from <c>Auth:AdminKey</c>.</summary>
    public const string AdminKeyName = NamePrefix + AccessNames.ReservedKeyName;

    /// <summary>The key's own requests-per-minute limit, when it has one.</summary>
    public const string RateLimitClaim = "rate_limit";

    public static ClaimsPrincipal ForAdminKey() => Create(AdminKeyName, ApiScopes.All, rateLimitPerMinute: null);

    public static ClaimsPrincipal For(ApiKeyRecord key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Create(NamePrefix + key.Name, key.Scopes, key.RateLimitPerMinute);
    }

    private static ClaimsPrincipal Create(string name, IEnumerable<string> scopes, int? rateLimitPerMinute)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name) };
        claims.AddRange(scopes.Select(scope => new Claim(ApiScopes.ClaimType, scope)));
        if (rateLimitPerMinute is { } limit)
        {
            claims.Add(new Claim(RateLimitClaim, limit.ToString(CultureInfo.InvariantCulture)));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, ApiAuthenticationSchemes.ApiKey, ClaimTypes.Name, ClaimTypes.Role));
    }
}
