using System.Security.Claims;

namespace SmartCity.Twin.Api.Security;

/// <summary>
/// Checks a signed-in operator (from the cookie or a bearer token) against the current accounts on every request: a
/// deleted user or an ended session is refused from then on, and a role change applies at once, without waiting
/// for the cookie or token to expire.
/// </summary>
internal sealed class SignedInOperators(AccessDirectory directory, OperatorSessions sessions)
{
    /// <summary>The principal rebuilt from the current account; <c>null</c> when the sign-in is no longer valid.</summary>
    public async ValueTask<ClaimsPrincipal?> RefreshAsync(ClaimsPrincipal? principal, CancellationToken cancellationToken)
    {
        if (principal?.Identity is not ClaimsIdentity { AuthenticationType: OperatorPrincipal.AuthenticationType } identity)
        {
            return null;
        }

        var session = identity.FindFirst(OperatorPrincipal.SessionClaim)?.Value;
        var stamp = identity.FindFirst(OperatorPrincipal.AccountClaim)?.Value;
        if (identity.Name is not { } name || session is null || sessions.HasEnded(session))
        {
            return null;
        }

        var access = await directory.GetAsync(cancellationToken);
        if (!access.Operators.TryGetValue(name, out var known) || OperatorPrincipal.AccountStamp(known.Account) != stamp)
        {
            return null;
        }

        return OperatorPrincipal.Create(known.Account, session);
    }
}
