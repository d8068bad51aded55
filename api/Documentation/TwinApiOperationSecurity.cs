using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SmartCity.Twin.Api.Security;

namespace SmartCity.Twin.Api.Documentation;

/// <summary>
/// Marks each endpoint that needs authorization with the three ways to authenticate (any one of them) and the
/// scope its policy asks for, and leaves anonymous ones (login, device telemetry) open.
/// </summary>
internal sealed class TwinApiOperationSecurity : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (!RequiresAuthorization(metadata))
        {
            return Task.CompletedTask;
        }

        var policies = metadata.OfType<IAuthorizeData>().Select(data => data.Policy).ToList();

        operation.Security ??= [];
        foreach (var scheme in new[] { TwinApiSecuritySchemes.ApiKey, TwinApiSecuritySchemes.Bearer, TwinApiSecuritySchemes.Cookie })
        {
            // Separate requirement objects are alternatives: a key, a token or the cookie.
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] });
        }

        var needs = policies.OfType<string>().Where(policy => policy.Length > 0).Distinct(StringComparer.Ordinal).Select(Needs).ToList();
        if (needs.Count > 0)
        {
            var text = "Requires " + string.Join(" and ", needs) + ".";
            operation.Description = operation.Description is { Length: > 0 } existing ? $"{existing}\n\n{text}" : text;
        }

        return Task.CompletedTask;
    }

    private static string Needs(string policy) => policy switch
    {
        ApiPolicies.Admin => "scope `admin`",
        ApiPolicies.HandleAlerts => "an operator or admin signed in, or scope `admin`",
        _ => $"scope `{policy}` (or `admin`)",
    };

    public static bool RequiresAuthorization(IList<object> endpointMetadata) =>
        !endpointMetadata.OfType<IAllowAnonymous>().Any() && endpointMetadata.OfType<IAuthorizeData>().Any();
}
