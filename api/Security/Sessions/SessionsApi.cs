using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Grains.Access;

namespace SmartCity.Twin.Api.Security.Sessions;

/// <summary>Operators sign in (cookie for the dashboard, bearer token for tools), sign out, and ask who they are.</summary>
internal static class SessionsApi
{
    /// <summary>Longer than any passphrase; refuses megabyte "passwords" that would only burn PBKDF2 time.</summary>
    private const int MaxPasswordLength = 1024;

    private const string BadCredentials = "The user name or password is wrong.";

    private static readonly OperatorAccount Nobody = new("-", "-", OperatorRole.Viewer, DateTimeOffset.MinValue, "-");

    /// <summary>Checked when the user name is unknown, so that answering takes as long as for a wrong password.</summary>
    private static readonly Lazy<string> UnknownUserHash = new(() =>
        new PasswordHasher<OperatorAccount>().HashPassword(Nobody, Guid.NewGuid().ToString("N")));

    public static RouteGroupBuilder MapSessionsApi(this RouteGroupBuilder auth)
    {
        auth.MapPost("/login", LoginAsync)
            .AllowAnonymous()
            .WithName("Login")
            .WithSummary("Sign in as an operator: sets the session cookie and returns a bearer token")
            .Produces<LoginResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/logout", LogoutAsync)
            .AllowAnonymous()
            .WithName("Logout")
            .WithSummary("End the sign-in: clears the session cookie; the bearer token of the same sign-in stops working too")
            .Produces(StatusCodes.Status204NoContent);
        auth.MapGet("/me", Me)
            .RequireAuthorization(ApiPolicies.Authenticated)
            .WithName("GetCurrentPrincipal")
            .WithSummary("Who the caller is: operator or API key, role, scopes")
            .Produces<CurrentPrincipalResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return auth;
    }

    private static async Task<IResult> LoginAsync(
        LoginRequest? body,
        HttpContext http,
        AccessDirectory directory,
        IPasswordHasher<OperatorAccount> hasher,
        IOptionsMonitor<BearerTokenOptions> bearerOptions,
        ILogger<AccessDirectory> logger)
    {
        if (body is not { Username: { Length: > 0 } username, Password: { Length: > 0 and <= MaxPasswordLength } password })
        {
            return AccessProblems.BadRequest("Invalid sign-in", $"Send {{\"username\": \"...\", \"password\": \"...\"}}; the password is at most {MaxPasswordLength} characters.");
        }

        username = username.Trim().ToLowerInvariant();
        var access = await directory.GetAsync(http.RequestAborted);
        if (!access.Operators.TryGetValue(username, out var known))
        {
            hasher.VerifyHashedPassword(Nobody, UnknownUserHash.Value, password);
            return Refused(logger, username);
        }

        var account = known.Account;
        var verified = hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verified == PasswordVerificationResult.Failed)
        {
            return Refused(logger, username);
        }

        if (verified == PasswordVerificationResult.SuccessRehashNeeded && !known.FromConfiguration)
        {
            var upgraded = hasher.HashPassword(account, password);
            if (await directory.Operators.ReplacePasswordHash(username, account.PasswordHash, upgraded))
            {
                await directory.ReloadAsync(http.RequestAborted);
            }
        }

        var principal = OperatorPrincipal.Create(account, OperatorSessions.NewId());
        await http.SignInAsync(ApiAuthenticationSchemes.Cookie, principal);

        var bearer = bearerOptions.Get(ApiAuthenticationSchemes.Bearer);
        var now = (bearer.TimeProvider ?? TimeProvider.System).GetUtcNow();
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + bearer.BearerTokenExpiration };
        var token = bearer.BearerTokenProtector.Protect(new AuthenticationTicket(principal, properties, ApiAuthenticationSchemes.Bearer));

        SecurityLog.SignedIn(logger, username);
        return TypedResults.Ok(new LoginResponse(
            username,
            OperatorScopes.Name(account.Role),
            OperatorScopes.Of(account.Role),
            "Bearer",
            token,
            (long)bearer.BearerTokenExpiration.TotalSeconds));
    }

    private static IResult Refused(ILogger logger, string username)
    {
        SecurityLog.SignInFailed(logger, username);
        return TypedResults.Problem(BadCredentials, title: "Sign-in failed", statusCode: StatusCodes.Status401Unauthorized);
    }

    private static async Task<IResult> LogoutAsync(HttpContext http, OperatorSessions sessions, IOptions<AuthSettings> settings, ILogger<AccessDirectory> logger)
    {
        if (http.User.FindFirst(OperatorPrincipal.SessionClaim)?.Value is { } session)
        {
            var lifetime = settings.Value.TokenLifetime > settings.Value.SessionLifetime ? settings.Value.TokenLifetime : settings.Value.SessionLifetime;
            sessions.End(session, lifetime);
            var actor = ApiActor.Of(http.User);
            SecurityLog.SignedOut(logger, actor);
        }

        await http.SignOutAsync(ApiAuthenticationSchemes.Cookie);
        return TypedResults.NoContent();
    }

    private static Ok<CurrentPrincipalResponse> Me(ClaimsPrincipal user)
    {
        var isOperator = user.Identity?.AuthenticationType == OperatorPrincipal.AuthenticationType;
        return TypedResults.Ok(new CurrentPrincipalResponse(
            ApiActor.Of(user),
            isOperator ? "operator" : "key",
            isOperator ? user.FindFirst(ClaimTypes.Role)?.Value : null,
            [.. user.FindAll(ApiScopes.ClaimType).Select(c => c.Value)]));
    }
}
