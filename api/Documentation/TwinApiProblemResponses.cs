using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SmartCity.Twin.Api.Documentation;

/// <summary>
/// Documents the errors every endpoint can answer whether or not its author declared them, all as
/// <c>application/problem+json</c>: 400 for bad parameters or bodies, 401/403 where authorization is needed,
/// 404 for an unknown resource in the path, 413/415 for bodies, 429 for rate limits. A declared error response
/// without content gets the problem schema too.
/// </summary>
internal sealed class TwinApiProblemResponses : IOpenApiOperationTransformer
{
    private const string ProblemContentType = "application/problem+json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var parameters = description.ParameterDescriptions;
        var hasBody = parameters.Any(p => p.Source == BindingSource.Body || p.Source == BindingSource.Form) || operation.RequestBody is not null;
        var hasRouteValues = description.RelativePath?.Contains('{', StringComparison.Ordinal) == true;
        var errors = new List<(int Status, string Description)>();
        if (hasBody || parameters.Count > 0)
        {
            errors.Add((StatusCodes.Status400BadRequest, "Bad input: a parameter or the body is malformed or out of range; `detail` names which and the expected form."));
        }

        if (TwinApiOperationSecurity.RequiresAuthorization(description.ActionDescriptor.EndpointMetadata))
        {
            errors.Add((StatusCodes.Status401Unauthorized, "No credentials, or credentials that are not known."));
            errors.Add((StatusCodes.Status403Forbidden, "The key or role does not grant the scope this endpoint needs."));
            errors.Add((StatusCodes.Status429TooManyRequests, "The key's rate limit is exhausted; retry after the `Retry-After` header's seconds."));
        }

        if (hasRouteValues)
        {
            errors.Add((StatusCodes.Status404NotFound, "No such resource."));
        }

        if (hasBody)
        {
            errors.Add((StatusCodes.Status413PayloadTooLarge, "The body is larger than the API's limit (`Api:MaxRequestBodyBytes`, 1 MiB by default)."));
            errors.Add((StatusCodes.Status415UnsupportedMediaType, "The body is not `application/json`."));
        }

        operation.Responses ??= [];
        var problem = await ProblemSchemaAsync(context, cancellationToken);
        foreach (var (status, text) in errors)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!operation.Responses.ContainsKey(key))
            {
                operation.Responses[key] = new OpenApiResponse { Description = text };
            }
        }

        // In status order, as a reader scans them, not in the order they were added.
        var ordered = operation.Responses.OrderBy(response => response.Key, StringComparer.Ordinal).ToList();
        operation.Responses.Clear();
        foreach (var (key, response) in ordered)
        {
            operation.Responses[key] = response;
            if (key.Length == 3 && key[0] is '4' or '5' && response is OpenApiResponse concrete && !(concrete.Content?.ContainsKey(ProblemContentType) ?? false))
            {
                concrete.Content ??= new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal);
                if (concrete.Content.Count == 0)
                {
                    concrete.Content[ProblemContentType] = new OpenApiMediaType { Schema = problem };
                }
            }
        }
    }

    /// <summary>A reference to the shared ProblemDetails component, adding it to the document the first time.</summary>
    private static async Task<IOpenApiSchema> ProblemSchemaAsync(OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        const string id = nameof(ProblemDetails);
        var document = context.Document;
        if (document is null)
        {
            return await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken);
        }

        if (document.Components?.Schemas?.ContainsKey(id) != true)
        {
            document.AddComponent(id, await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken));
        }

        return new OpenApiSchemaReference(id, document);
    }
}
