using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Api.Documentation;

/// <summary>
/// Device kinds travel as their slugs (<c>environment-sensor</c>) through a custom converter the schema generator
/// cannot see through; describe them as the string enum they are, wherever they appear (properties, dictionary keys),
/// and so are the <c>kind</c> filters endpoints take as plain strings.
/// </summary>
internal sealed class DeviceKindSchema : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        var isKindParameter = type == typeof(string) && string.Equals(context.ParameterDescription?.Name, "kind", StringComparison.OrdinalIgnoreCase);
        if (type == typeof(DeviceKind) || isKindParameter)
        {
            schema.Type = JsonSchemaType.String;
            schema.Format = null;
            schema.Enum = [.. DeviceKindNames.All.Select(name => (JsonNode)JsonValue.Create(name))];
            schema.Description ??= "A device kind, by its slug.";
        }

        return Task.CompletedTask;
    }
}
