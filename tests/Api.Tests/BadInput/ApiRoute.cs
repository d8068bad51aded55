using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace SmartCity.Twin.Api.Tests.BadInput;

/// <summary>One method of one REST endpoint as the running app maps it, so sweeps cover endpoints added later too.</summary>
internal sealed record ApiRoute(string Method, RoutePattern Pattern, bool AcceptsJson)
{
    public string Template => "/" + string.Join('/', Pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(TemplateOf))));

    /// <summary>Every method of every endpoint under <c>/api/</c>.</summary>
    public static IReadOnlyList<ApiRoute> All(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.OrdinalIgnoreCase) == true)
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(method => new ApiRoute(
                method,
                endpoint.RoutePattern,
                endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Any(type => type.Contains("json", StringComparison.OrdinalIgnoreCase)) == true)))
            .DistinctBy(route => (route.Method, route.Template))];

    /// <summary>The path with every route value an id nothing has: a fresh guid, or a large number where the route wants one.</summary>
    public string UnknownPath()
    {
        var unique = Guid.NewGuid().ToString("N");
        return "/" + string.Join('/', Pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => Uri.EscapeDataString(UnknownValue(parameter, unique)),
            _ => string.Empty,
        }))));
    }

    public override string ToString() => $"{Method} {Template}";

    private static string UnknownValue(RoutePatternParameterPart parameter, string unique)
    {
        var constraints = parameter.ParameterPolicies.Select(policy => policy.Content ?? string.Empty).ToList();
        if (constraints.Contains("guid"))
        {
            return Guid.NewGuid().ToString();
        }

        return constraints.Any(c => c is "int" or "long")
            ? "987654321"
            : "sweep-" + unique;
    }

    private static string TemplateOf(RoutePatternPart part) => part switch
    {
        RoutePatternLiteralPart literal => literal.Content,
        RoutePatternSeparatorPart separator => separator.Content,
        RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
        _ => string.Empty,
    };
}
