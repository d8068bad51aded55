using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Api.Security.Keys;
using SmartCity.Twin.Api.Security.Operators;
using SmartCity.Twin.Api.Security.Sessions;
using SmartCity.Twin.Grains.Access;

namespace SmartCity.Twin.Api.Security;

/// <summary>
/// Who may call the API: API keys (<c>X-Api-Key</c>), operators signed in with a cookie (dashboard) or a bearer token
/// (tools), scope and role policies, anonymous <c>/api</c> requests refused, per-principal rate limits, CORS.
/// </summary>
internal static class ApiSecurity
{
    /// <summary>Where the data-protection keys that sign cookies and bearer tokens live, under <c>Storage:Path</c>.</summary>
    public const string KeyRingFolder = "data-protection-keys";

    public static IServiceCollection AddApiSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthSettings>().Bind(configuration.GetSection(AuthSettings.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthSettings>, AuthSettingsValidation>();
        services.AddSingleton<ConfiguredOperators>();
        services.AddSingleton<AccessDirectory>();
        services.AddSingleton<OperatorSessions>();
        services.AddSingleton<IPasswordHasher<OperatorAccount>, PasswordHasher<OperatorAccount>>();
        services.AddSingleton<SignedInOperators>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiRefusals>();

        // Tokens and cookies are protected with these keys: kept in the data folder, sign-ins survive a restart.
        services.AddDataProtection()
            .SetApplicationName("SmartCity.Twin")
            .PersistKeysToFileSystem(KeyRing(configuration));

        services.AddAuthentication(ApiAuthenticationSchemes.Selector)
            .AddPolicyScheme(ApiAuthenticationSchemes.Selector, "API key, bearer token or session cookie", options =>
            {
                options.ForwardDefaultSelector = SelectScheme;
                options.ForwardChallenge = ApiAuthenticationSchemes.ApiKey;
                options.ForwardForbid = ApiAuthenticationSchemes.ApiKey;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiAuthenticationSchemes.ApiKey, null)
            .AddScheme<AuthenticationSchemeOptions, OperatorTokenHandler>(ApiAuthenticationSchemes.OperatorToken, null)

            // Registered for its token format and data protection; OperatorTokenHandler reads the tokens.
            .AddBearerToken(ApiAuthenticationSchemes.Bearer)
            .AddCookie(ApiAuthenticationSchemes.Cookie, options =>
            {
                options.Cookie.Name = "twin_session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.SlidingExpiration = true;

                // A deleted user's or logged-out cookie (replayed by whoever copied it) is refused, and not renewed by
                // sliding expiration; a role change applies to the next request.
                options.Events.OnValidatePrincipal = async context =>
                {
                    var operators = context.HttpContext.RequestServices.GetRequiredService<SignedInOperators>();
                    if (await operators.RefreshAsync(context.Principal, context.HttpContext.RequestAborted) is { } current)
                    {
                        context.ReplacePrincipal(current);
                    }
                    else
                    {
                        context.RejectPrincipal();
                    }
                };

                // An API answers, it does not redirect to a login page.
                options.Events.OnRedirectToLogin = context =>
                    ApiProblem.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Authentication required", "Sign in with POST /api/v1/auth/login.");
                options.Events.OnRedirectToAccessDenied = context =>
                    ApiProblem.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Not allowed", "Your role does not allow this request.");
            });
        services.AddOptions<BearerTokenOptions>(ApiAuthenticationSchemes.Bearer)
            .Configure<IOptions<AuthSettings>>((options, settings) => options.BearerTokenExpiration = settings.Value.TokenLifetime);
        services.AddOptions<CookieAuthenticationOptions>(ApiAuthenticationSchemes.Cookie)
            .Configure<IOptions<AuthSettings>>((options, settings) => options.ExpireTimeSpan = settings.Value.SessionLifetime);

        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.ReadTwins, p => p.AddRequirements(new ScopeRequirement(ApiScopes.ReadTwins)))
            .AddPolicy(ApiPolicies.ReadAlerts, p => p.AddRequirements(new ScopeRequirement(ApiScopes.ReadAlerts)))
            .AddPolicy(ApiPolicies.WriteCommands, p => p.AddRequirements(new ScopeRequirement(ApiScopes.WriteCommands)))
            .AddPolicy(ApiPolicies.Admin, p => p.AddRequirements(new ScopeRequirement(ApiScopes.Admin)))
            .AddPolicy(ApiPolicies.HandleAlerts, p => p.AddRequirements(new AlertHandlingRequirement()))
            .AddPolicy(ApiPolicies.Authenticated, p => p.RequireAuthenticatedUser())
            // An /api or /hubs endpoint that forgot RequireAuthorization is still closed to anonymous callers;
            // health, the dashboard and the API documentation stay open.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder()
                .RequireAssertion(context => context.Resource is not HttpContext http || !IsApi(http.Request.Path) || context.User.Identity?.IsAuthenticated == true)
                .Build());

        services.AddApiRateLimiting();
        services.AddApiCors(configuration);
        return services;
    }

    /// <summary>CORS first (preflights are answered before authentication), then who is calling, then their rate limit, then what they may do.</summary>
    public static WebApplication UseApiSecurity(this WebApplication app)
    {
        app.UseCors();
        app.UseAuthentication();
        app.UseApiRateLimiting();
        app.UseAuthorization();
        return app;
    }

    public static IEndpointRouteBuilder MapApiSecurity(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/api/v1/auth").WithTags("Auth");
        auth.MapSessionsApi();
        auth.MapApiKeysApi();
        auth.MapOperatorsApi();
        return endpoints;
    }

    private static bool IsApi(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs");

    private static string SelectScheme(HttpContext context)
    {
        var request = context.Request;
        if (request.Headers.ContainsKey(AdminKey.HeaderName))
        {
            return ApiAuthenticationSchemes.ApiKey;
        }

        if (request.Headers.Authorization.Count > 0
            && request.Headers.Authorization[0] is { } authorization
            && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return ApiAuthenticationSchemes.OperatorToken;
        }

        if (request.Path.StartsWithSegments(ApiAuthenticationSchemes.LiveHubPath) && request.Query.ContainsKey(ApiAuthenticationSchemes.AccessTokenQuery))
        {
            return ApiAuthenticationSchemes.OperatorToken;
        }

        return ApiAuthenticationSchemes.Cookie;
    }

    private static DirectoryInfo KeyRing(IConfiguration configuration)
    {
        var dataPath = configuration["Storage:Path"];
        var path = Path.Combine(Path.GetFullPath(string.IsNullOrWhiteSpace(dataPath) ? "./data" : dataPath), KeyRingFolder);
        if (!Directory.Exists(path))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(path);
            }
            else
            {
                // The key ring signs every session: owner-only from the moment it exists.
                Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        return new DirectoryInfo(path);
    }
}
