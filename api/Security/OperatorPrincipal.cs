using System.Globalization;
using System.Security.Claims;
using SmartCity.Twin.Grains.Access;

namespace SmartCity.Twin.Api.Security;

/// <summary>
/// The principal of a signed-in operator, as carried by the session cookie and the bearer token. Scopes come from the
/// role; <see cref="OperatorClaimsTransformation"/> rebuilds them on every request from the current account.
/// </summary>
internal static class OperatorPrincipal
{
    public const string AuthenticationType = "operator";

    /// <summary>One sign-in; logging out ends it for the cookie and the token alike.</summary>
    public const string SessionClaim = "sid";

    /// <summary>When the account was created: a user deleted and created again under the same name does not inherit old sessions.</summary>
    public const string AccountClaim = "account";

    public static ClaimsPrincipal Create(OperatorAccount account, string sessionId)
    {
        ArgumentNullException.ThrowIfNull(account);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, account.Username),
            new(ClaimTypes.Role, OperatorScopes.Name(account.Role)),
            new(SessionClaim, sessionId),
            new(AccountClaim, AccountStamp(account)),
        };
        claims.AddRange(OperatorScopes.Of(account.Role).Select(scope => new Claim(ApiScopes.ClaimType, scope)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static string AccountStamp(OperatorAccount account)
        => account.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture);
}
