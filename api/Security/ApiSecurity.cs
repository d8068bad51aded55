using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SmartCity.Twin.Api.Security;

internal static class ApiSecurity
{
    public static IServiceCollection AddApiSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.ReadTwins, p => p.RequireAssertion(c => HasScope(c.User, ApiScopes.ReadTwins)))
            .AddPolicy(ApiPolicies.ReadAlerts, p => p.RequireAssertion(c => HasScope(c.User, ApiScopes.ReadAlerts)))
            .AddPolicy(ApiPolicies.WriteCommands, p => p.RequireAssertion(c => HasScope(c.User, ApiScopes.WriteCommands)))
            .AddPolicy(ApiPolicies.Admin, p => p.RequireAssertion(c => HasScope(c.User, ApiScopes.Admin)))
            .AddPolicy(ApiPolicies.HandleAlerts, p => p.RequireAssertion(c => HasScope(c.User, ApiScopes.Admin)));
        return services;
    }

    public static WebApplication UseApiSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static IEndpointRouteBuilder MapApiSecurity(this IEndpointRouteBuilder endpoints) => endpoints;

    /// <summary><c>admin</c> implies every scope.</summary>
    private static bool HasScope(ClaimsPrincipal user, string scope) =>
        user.Identity?.IsAuthenticated == true
        && (user.HasClaim(ApiScopes.ClaimType, scope) || user.HasClaim(ApiScopes.ClaimType, ApiScopes.Admin));
}
