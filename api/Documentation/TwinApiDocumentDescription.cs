using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SmartCity.Twin.Api.Security;

namespace SmartCity.Twin.Api.Documentation;

/// <summary>
/// What the generated document cannot know: the API's title and description, the three ways to authenticate, the
/// server when it is not served from a request, and a description for each tag.
/// </summary>
internal sealed class TwinApiDocumentDescription : IOpenApiDocumentTransformer
{
    private const string Description = """
        The open API of **SmartCity.Twin**, the live digital twin of the province's Intelligent Operations Center:
        device twins (cameras, environment sensors, fire alarms, intersections, service counters) with geo queries,
        districts and the province with live roll-ups, metric history, alerts and incidents, KPIs, desired
        properties and commands to devices, and HTTP telemetry ingestion.

        Authenticate with an API key in the `X-Api-Key` header (third parties; scopes `read:twins`, `read:alerts`,
        `write:commands`, `write:telemetry` for gateways and simulators, `admin`), a bearer token from `POST /api/v1/auth/login` (tools), or the session cookie
        set by the same login (the dashboard). Every error is an RFC 7807 `application/problem+json` document.
        Lists page with an opaque `cursor`: pass the previous page's `nextCursor` until it is `null`.

        Live updates: the SignalR hub at `/hubs/twin` (see docs/api.md).
        """;

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Twins"] = "Device twins: list and filter (kind, district, status, metric, bbox, near), read, provision, delete; GeoJSON for map layers.",
        ["Devices"] = "Desired properties and commands to devices through the gateway, HTTP telemetry ingestion, gateway status.",
        ["History"] = "Persisted metric history per twin, downsampled into buckets (min/max/avg).",
        ["Districts"] = "Districts and the province: geometry and live roll-ups.",
        ["Alerts"] = "Alerts and incidents: list, read, acknowledge, resolve, comment.",
        ["KPIs"] = "Operational KPIs per district and for the province over a time range.",
        ["Auth"] = "Operator login, API keys and users.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "SmartCity.Twin API";
        document.Info.Description = Description;
        document.Info.Version = "v1";

        if (document.Servers is not { Count: > 0 })
        {
            // Generated outside a request (build-time generation): name the silo's default address.
            document.Servers = [new OpenApiServer { Url = "http://localhost:5080", Description = "A silo started with `dotnet run --project silo`" }];
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[TwinApiSecuritySchemes.ApiKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = AdminKey.HeaderName,
            Description = "An API key: the admin key (printed at the silo's first start, kept in data/admin-key) or a key issued by POST /api/v1/auth/keys with scopes.",
        };
        document.Components.SecuritySchemes[TwinApiSecuritySchemes.Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An operator's token from POST /api/v1/auth/login; the operator's role (viewer, operator, admin) decides the scopes.",
        };
        document.Components.SecuritySchemes[TwinApiSecuritySchemes.Cookie] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = TwinApiSecuritySchemes.CookieName,
            Description = "The dashboard's session cookie, set by POST /api/v1/auth/login.",
        };

        foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
        {
            if (tag.Name is { } name && tag.Description is null && TagDescriptions.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }

        return Task.CompletedTask;
    }
}
