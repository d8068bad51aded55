using Microsoft.AspNetCore.Authorization;

namespace SmartCity.Twin.Api.Security;

/// <summary>The principal carries <see cref="Scope"/>, or <c>admin</c>, which implies every scope.</summary>
internal sealed class ScopeRequirement(string scope) : AuthorizationHandler<ScopeRequirement>, IAuthorizationRequirement
{
    public string Scope { get; } = scope;

    public static bool Grants(System.Security.Claims.ClaimsPrincipal user, string scope) =>
        user.Identity?.IsAuthenticated == true
        && (user.HasClaim(ApiScopes.ClaimType, scope) || user.HasClaim(ApiScopes.ClaimType, ApiScopes.Admin));

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        if (Grants(context.User, requirement.Scope))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
