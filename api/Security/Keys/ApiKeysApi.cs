using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using SmartCity.Twin.Grains.Access;

namespace SmartCity.Twin.Api.Security.Keys;

/// <summary>Admins create, list and revoke the API keys third parties use.</summary>
internal static class ApiKeysApi
{
    public const int MaxRateLimitPerMinute = 1_000_000;

    public static RouteGroupBuilder MapApiKeysApi(this RouteGroupBuilder auth)
    {
        auth.MapPost("/keys", CreateAsync)
            .RequireAuthorization(ApiPolicies.Admin)
            .WithName("CreateApiKey")
            .WithSummary("Create an API key with scopes and an optional rate limit; the key is in the response, once")
            .Produces<ApiKeyCreatedResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        auth.MapGet("/keys", ListAsync)
            .RequireAuthorization(ApiPolicies.Admin)
            .WithName("ListApiKeys")
            .WithSummary("List API keys (names, scopes, limits; never the keys)")
            .Produces<IReadOnlyList<ApiKeyResponse>>();
        auth.MapDelete("/keys/{name}", RevokeAsync)
            .RequireAuthorization(ApiPolicies.Admin)
            .WithName("RevokeApiKey")
            .WithSummary("Revoke an API key; it stops working at once")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return auth;
    }

    private static async Task<IResult> CreateAsync(CreateApiKeyRequest? body, ClaimsPrincipal user, AccessDirectory directory, ILogger<AccessDirectory> logger, CancellationToken cancellationToken)
    {
        if (body?.Name is not { } name || !AccessNames.IsValid(name) || name == AccessNames.ReservedKeyName)
        {
            return AccessProblems.BadRequest("Invalid API key", $"\"name\" is {AccessNames.Form}; '{AccessNames.ReservedKeyName}' is reserved for the admin key.");
        }

        if (body.Scopes is not { Count: > 0 } scopes || scopes.Any(s => !ApiScopes.All.Contains(s)))
        {
            return AccessProblems.BadRequest("Invalid API key", $"\"scopes\" lists one or more of: {string.Join(", ", ApiScopes.All)}.");
        }

        if (body.RateLimitPerMinute is < 1 or > MaxRateLimitPerMinute)
        {
            return AccessProblems.BadRequest("Invalid API key", $"\"rateLimitPerMinute\" is between 1 and {MaxRateLimitPerMinute}, or omitted for the default.");
        }

        var actor = ApiActor.Of(user);
        var issued = await directory.Keys.Issue(new ApiKeyGrant(name, [.. scopes.Distinct(StringComparer.Ordinal)], body.RateLimitPerMinute, actor));
        if (issued is null)
        {
            return AccessProblems.Conflict("API key exists", $"An API key named '{name}' exists; revoke it first or choose another name.");
        }

        await directory.ReloadAsync(cancellationToken);
        var record = issued.Record;
        var granted = string.Join(' ', record.Scopes);
        SecurityLog.KeyCreated(logger, name, actor, granted);
        return TypedResults.Created(
            $"/api/v1/auth/keys/{Uri.EscapeDataString(name)}",
            new ApiKeyCreatedResponse(record.Name, issued.Key, record.Scopes, record.RateLimitPerMinute, record.CreatedAt, record.CreatedBy));
    }

    private static async Task<IResult> ListAsync(AccessDirectory directory, CancellationToken cancellationToken)
    {
        var access = await directory.GetAsync(cancellationToken);
        return TypedResults.Ok(access.Keys
            .Select(k => new ApiKeyResponse(k.Name, $"{ApiKeySecret.Prefix}.{k.LookupId}", k.Scopes, k.RateLimitPerMinute, k.CreatedAt, k.CreatedBy))
            .ToList());
    }

    private static async Task<IResult> RevokeAsync(string name, ClaimsPrincipal user, AccessDirectory directory, ILogger<AccessDirectory> logger, CancellationToken cancellationToken)
    {
        if (!await directory.Keys.Revoke(name))
        {
            return AccessProblems.NotFound("Unknown API key", $"There is no API key named '{name}'.");
        }

        // Before answering: once the admin sees 204, the key no longer works in this silo.
        await directory.ReloadAsync(CancellationToken.None);
        var actor = ApiActor.Of(user);
        SecurityLog.KeyRevoked(logger, name, actor);
        return TypedResults.NoContent();
    }
}
