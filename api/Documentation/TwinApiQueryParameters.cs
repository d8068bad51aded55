using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Api.Documentation;

/// <summary>
/// The list endpoints read their query strings themselves (to name the bad parameter in a problem), so the generator
/// sees no parameters on them; describe those parameters here, by operation name, so the document and the
/// browsable reference show (and let one try) the filters and paging.
/// </summary>
internal sealed class TwinApiQueryParameters : IOpenApiOperationTransformer
{
    private static readonly QueryParameter[] TwinFilters =
    [
        new("kind", "A device kind.", Enum: DeviceKindNames.All),
        new("district", "A district id of the province (GET /api/v1/districts).", Example: "dong-hung"),
        new("status", "Liveness.", Enum: ["online", "offline", "unknown"]),
        new("metric", "name:op:value, op one of lt, lte, eq, gte, gt; repeat for several conditions (all must hold).", Example: "pm2_5:gt:50", Repeatable: true),
        new("bbox", "minLon,minLat,maxLon,maxLat in WGS 84 degrees: the map viewport.", Example: "106.30,20.40,106.40,20.50"),
        new("near", "lon,lat,radiusMeters: twins within the circle (radius up to 100 km).", Example: "106.36877,20.4754,300"),
    ];

    private static readonly QueryParameter Cursor = new("cursor", "The nextCursor of the previous page, unchanged; omit for the first page.");

    private static readonly QueryParameter[] Range =
    [
        new("from", "ISO 8601 time, inclusive.", Example: "2026-11-22T00:00:00Z"),
        new("to", "ISO 8601 time, exclusive; later than from.", Example: "2026-11-23T00:00:00Z"),
    ];

    private static readonly Dictionary<string, QueryParameter[]> ByOperation = new(StringComparer.Ordinal)
    {
        ["ListTwins"] = [.. TwinFilters, new("limit", "Page size, 1–1000 (default 100).", Integer: true), Cursor],
        ["ListTwinFeatures"] = [.. TwinFilters, new("limit", "Features per collection, 1–100,000 (default 10,000).", Integer: true), Cursor],
        ["ListAlerts"] =
        [
            new("status", "Lifecycle state.", Enum: ["active", "acknowledged", "resolved"]),
            new("type", "A warning type, e.g. fire, intrusion, pollution, officer-absent.", Example: "fire"),
            new("severity", "Severity.", Enum: ["info", "low", "medium", "high", "critical"]),
            new("district", "A district id of the province.", Example: "dong-hung"),
            new("twin", "The id of the twin that raised the alert."),
            .. Range,
            new("limit", "Page size, 1–1000 (default 100).", Integer: true),
            Cursor,
        ],
        ["ListIncidents"] = [new("status", "Whether any of the incident's alerts is still open.", Enum: ["open", "closed"]), .. Range],
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId is not { } id || !ByOperation.TryGetValue(id, out var parameters))
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        foreach (var parameter in parameters)
        {
            if (!operation.Parameters.Any(p => p.Name == parameter.Name && p.In == ParameterLocation.Query))
            {
                operation.Parameters.Add(parameter.ToOpenApi());
            }
        }

        return Task.CompletedTask;
    }

    private sealed record QueryParameter(string Name, string Description, string? Example = null, IReadOnlyList<string>? Enum = null, bool Integer = false, bool Repeatable = false)
    {
        public OpenApiParameter ToOpenApi()
        {
            var value = new OpenApiSchema { Type = Integer ? JsonSchemaType.Integer : JsonSchemaType.String };
            if (Enum is not null)
            {
                value.Enum = [.. Enum.Select(name => (JsonNode)JsonValue.Create(name))];
            }

            return new OpenApiParameter
            {
                Name = Name,
                In = ParameterLocation.Query,
                Description = Description,
                Schema = Repeatable ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = value } : value,
                Example = Example is null ? null : JsonValue.Create(Example),
            };
        }
    }
}
