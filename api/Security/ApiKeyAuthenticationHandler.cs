using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SmartCity.Twin.Api.Security;

/// <summary>Authenticates the <c>X-Api-Key</c> header; the admin key from <c>Auth:AdminKey</c> has every scope.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AdminKey adminKey)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(AdminKey.HeaderName, out var supplied) || supplied.Count == 0 || string.IsNullOrEmpty(supplied[0]))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (supplied.Count != 1 || !adminKey.Matches(supplied[0]))
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not known."));
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, "key:admin") };
        claims.AddRange(ApiScopes.All.Select(scope => new Claim(ApiScopes.ClaimType, scope)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"ApiKey header=\"{AdminKey.HeaderName}\"";
        return ApiProblem.WriteAsync(Context, 401, "Authentication required",
            $"Send an API key in the {AdminKey.HeaderName} header, or sign in.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblem.WriteAsync(Context, 403, "Not allowed", "Your key or role does not grant the scope this request needs.");
}
