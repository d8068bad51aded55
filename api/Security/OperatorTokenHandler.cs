using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SmartCity.Twin.Api.Security;

/// <summary>
/// Authenticates the bearer token issued at login (<c>Authorization: Bearer</c>, or <c>access_token</c> in the query
/// for the live hub). The token is the shared framework's bearer token (data-protected, with an expiry); this handler
/// also refuses it once its user is deleted or its session logged out, which the framework's handler cannot know.
/// </summary>
internal sealed class OperatorTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<BearerTokenOptions> tokens,
    SignedInOperators operators)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "OperatorToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Token() is not { Length: > 0 } token)
        {
            return AuthenticateResult.NoResult();
        }

        var ticket = tokens.Get(ApiAuthenticationSchemes.Bearer).BearerTokenProtector.Unprotect(token);
        if (ticket?.Properties.ExpiresUtc is not { } expires)
        {
            return AuthenticateResult.Fail("The bearer token is not valid.");
        }

        if (TimeProvider.GetUtcNow() >= expires)
        {
            return AuthenticateResult.Fail("The bearer token has expired.");
        }

        if (await operators.RefreshAsync(ticket.Principal, Context.RequestAborted) is not { } current)
        {
            return AuthenticateResult.Fail("The sign-in of this token has ended.");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(current, ticket.Properties, SchemeName));
    }

    private string? Token()
    {
        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        return Request.Path.StartsWithSegments(ApiAuthenticationSchemes.LiveHubPath)
            && Request.Query.TryGetValue(ApiAuthenticationSchemes.AccessTokenQuery, out var query)
            && query.Count == 1
                ? query[0]
                : null;
    }
}
