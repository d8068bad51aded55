using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace SmartCity.Twin.Api.Security;

/// <summary>A refused request says which scope or role it lacked, so a developer knows what to ask the admin for.</summary>
internal sealed class ApiRefusals : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure is { } failure)
        {
            var needed = failure.FailedRequirements
                .Select(r => r switch
                {
                    ScopeRequirement scope => $"the '{scope.Scope}' scope",
                    AlertHandlingRequirement => AlertHandlingRequirement.Description,
                    _ => null,
                })
                .FirstOrDefault(n => n is not null);
            if (needed is not null)
            {
                return ApiProblem.WriteAsync(context, StatusCodes.Status403Forbidden, "Not allowed", $"{ApiActor.Of(context.User)} lacks what this request needs: {needed}.");
            }
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
