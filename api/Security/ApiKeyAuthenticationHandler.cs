using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Grains.Access;

namespace SmartCity.Twin.Api.Security;

/// <summary>
/// Authenticates the <c>X-Api-Key</c> header: the admin key from <c>Auth:AdminKey</c> (every scope) or a key created
/// through <c>/api/v1/auth/keys</c> (its scopes). Also writes every challenge and refusal of the API as problem+json,
/// whichever scheme authenticated the request (the selector scheme forwards challenges and refusals here).
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AdminKey adminKey,
    AccessDirectory directory)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(AdminKey.HeaderName, out var supplied) || supplied.Count == 0 || string.IsNullOrEmpty(supplied[0]))
        {
            return AuthenticateResult.NoResult();
        }

        var presented = supplied[0]!;
        if (supplied.Count != 1)
        {
            return AuthenticateResult.Fail("More than one API key was sent.");
        }

        if (adminKey.Matches(presented))
        {
            return Success(ApiKeyPrincipal.ForAdminKey());
        }

        if (await directory.FindKeyAsync(presented, Context.RequestAborted) is { } key)
        {
            return Success(ApiKeyPrincipal.For(key));
        }

        return AuthenticateResult.Fail("The API key is not known.");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"ApiKey header=\"{AdminKey.HeaderName}\", Bearer";
        var detail = Request.Headers.ContainsKey(AdminKey.HeaderName)
            ? "The API key is not known, or it was revoked."
            : Request.Headers.Authorization.Count > 0 || Request.Query.ContainsKey(ApiAuthenticationSchemes.AccessTokenQuery)
                ? "The bearer token is not valid, has expired, or its session ended; sign in again."
                : $"Send an API key in the {AdminKey.HeaderName} header, a bearer token from POST /api/v1/auth/login, or sign in.";
        return ApiProblem.WriteAsync(Context, 401, "Authentication required", detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblem.WriteAsync(Context, 403, "Not allowed", "Your key or role does not grant the scope this request needs.");

    private AuthenticateResult Success(System.Security.Claims.ClaimsPrincipal principal)
        => AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
}
