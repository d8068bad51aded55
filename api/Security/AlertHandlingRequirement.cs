using Microsoft.AspNetCore.Authorization;

namespace SmartCity.Twin.Api.Security;

/// <summary>
/// Acknowledging, resolving and commenting on alerts is for people on duty: an operator or admin signed in, or the
/// <c>admin</c> scope. A third-party key with <c>read:alerts</c> and <c>write:commands</c> still may not.
/// </summary>
internal sealed class AlertHandlingRequirement : AuthorizationHandler<AlertHandlingRequirement>, IAuthorizationRequirement
{
    public const string Description = "an operator or admin signed in, or the 'admin' scope";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AlertHandlingRequirement requirement)
    {
        var user = context.User;
        if (ScopeRequirement.Grants(user, ApiScopes.Admin)
            || (user.Identity?.AuthenticationType == OperatorPrincipal.AuthenticationType
                && OperatorScopes.TryParse(user.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value, out var role)
                && OperatorScopes.HandlesAlerts(role)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
