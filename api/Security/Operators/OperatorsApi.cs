using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using SmartCity.Twin.Grains.Access;

namespace SmartCity.Twin.Api.Security.Operators;

/// <summary>Admins create, list and delete operators (the first admin is created with the admin key).</summary>
internal static class OperatorsApi
{
    public const int MinPasswordLength = 12;
    public const int MaxPasswordLength = 256;

    public static RouteGroupBuilder MapOperatorsApi(this RouteGroupBuilder auth)
    {
        auth.MapPost("/users", CreateAsync)
            .RequireAuthorization(ApiPolicies.Admin)
            .WithName("CreateOperator")
            .WithSummary("Create an operator (viewer, operator or admin) who signs in with a password")
            .Produces<OperatorResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        auth.MapGet("/users", ListAsync)
            .RequireAuthorization(ApiPolicies.Admin)
            .WithName("ListOperators")
            .WithSummary("List operators and their roles")
            .Produces<IReadOnlyList<OperatorResponse>>();
        auth.MapDelete("/users/{username}", DeleteAsync)
            .RequireAuthorization(ApiPolicies.Admin)
            .WithName("DeleteOperator")
            .WithSummary("Delete an operator; their sessions and tokens stop working at once")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return auth;
    }

    private static async Task<IResult> CreateAsync(
        CreateOperatorRequest? body,
        ClaimsPrincipal user,
        AccessDirectory directory,
        IPasswordHasher<OperatorAccount> hasher,
        TimeProvider clock,
        ILogger<AccessDirectory> logger,
        CancellationToken cancellationToken)
    {
        if (body?.Username is not { } username || !AccessNames.IsValid(username))
        {
            return AccessProblems.BadRequest("Invalid user", $"\"username\" is {AccessNames.Form}.");
        }

        if (body.Password is not { Length: >= MinPasswordLength and <= MaxPasswordLength } password)
        {
            return AccessProblems.BadRequest("Invalid user", $"\"password\" is {MinPasswordLength}–{MaxPasswordLength} characters.");
        }

        if (!OperatorScopes.TryParse(body.Role, out var role))
        {
            return AccessProblems.BadRequest("Invalid user", "\"role\" is one of: viewer, operator, admin.");
        }

        var access = await directory.GetAsync(cancellationToken);
        if (access.Operators.TryGetValue(username, out var existing))
        {
            return AccessProblems.Conflict("User exists", existing.FromConfiguration
                ? $"'{username}' is defined in configuration (Auth:Users)."
                : $"A user named '{username}' exists; delete it first or choose another name.");
        }

        var actor = ApiActor.Of(user);
        var account = new OperatorAccount(username, string.Empty, role, clock.GetUtcNow(), actor);
        account = account with { PasswordHash = hasher.HashPassword(account, password) };
        if (!await directory.Operators.Add(account))
        {
            return AccessProblems.Conflict("User exists", $"A user named '{username}' exists; delete it first or choose another name.");
        }

        await directory.ReloadAsync(cancellationToken);
        var roleName = OperatorScopes.Name(role);
        SecurityLog.OperatorCreated(logger, username, actor, roleName);
        return TypedResults.Created($"/api/v1/auth/users/{Uri.EscapeDataString(username)}", Describe(new KnownOperator(account, FromConfiguration: false)));
    }

    private static async Task<IResult> ListAsync(AccessDirectory directory, CancellationToken cancellationToken)
    {
        var access = await directory.GetAsync(cancellationToken);
        return TypedResults.Ok(access.Operators.Values.OrderBy(o => o.Account.Username, StringComparer.Ordinal).Select(Describe).ToList());
    }

    private static async Task<IResult> DeleteAsync(string username, ClaimsPrincipal user, AccessDirectory directory, ILogger<AccessDirectory> logger)
    {
        var access = await directory.GetAsync();
        if (access.Operators.TryGetValue(username, out var known) && known.FromConfiguration)
        {
            return AccessProblems.Conflict("User is configured", $"'{username}' is defined in configuration (Auth:Users); remove it there.");
        }

        if (!await directory.Operators.Remove(username))
        {
            return AccessProblems.NotFound("Unknown user", $"There is no user named '{username}'.");
        }

        await directory.ReloadAsync(CancellationToken.None);
        var actor = ApiActor.Of(user);
        SecurityLog.OperatorDeleted(logger, username, actor);
        return TypedResults.NoContent();
    }

    private static OperatorResponse Describe(KnownOperator known)
    {
        var account = known.Account;
        return new OperatorResponse(
            account.Username,
            OperatorScopes.Name(account.Role),
            OperatorScopes.Of(account.Role),
            known.FromConfiguration ? "configuration" : "api",
            known.FromConfiguration ? null : account.CreatedAt,
            account.CreatedBy);
    }
}
