using System.Text.RegularExpressions;
using SmartCity.Twin.Api.Tests.BadInput;

namespace SmartCity.Twin.Api.Tests.Documentation;

/// <summary>docs/api.md and the mapped endpoints agree: the guide names no endpoint that does not exist, and leaves none out.</summary>
public sealed partial class ApiGuideTests(TwinApiFactory factory) : IClassFixture<TwinApiFactory>
{
    [Fact]
    public void Every_endpoint_the_guide_names_is_mapped()
    {
        var mapped = MappedEndpoints();

        var unknown = GuideEndpoints().Where(endpoint => !mapped.Contains(endpoint)).ToList();

        Assert.True(unknown.Count == 0, "docs/api.md names endpoints that are not mapped: " + string.Join(", ", unknown));
    }

    [Fact]
    public void Every_mapped_endpoint_is_in_the_guide()
    {
        var documented = GuideEndpoints();

        var missing = MappedEndpoints().Where(endpoint => !documented.Contains(endpoint)).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "docs/api.md does not describe: " + string.Join(", ", missing));
    }

    /// <summary>"GET /api/v1/twins/{}": route parameter names may differ between the guide and the code.</summary>
    private HashSet<string> MappedEndpoints() =>
        [.. ApiRoute.All(factory.Services)
            .Where(route => route.Template.StartsWith("/api/v1/", StringComparison.Ordinal))
            .Select(route => Normalized($"{route.Method} {route.Template}"))];

    private static HashSet<string> GuideEndpoints()
    {
        var guide = File.ReadAllText(GuidePath());
        var endpoints = GuideEndpoint().Matches(guide).Select(match => Normalized(match.Value)).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("GET /api/v1/twins/{}", endpoints);
        return endpoints;
    }

    private static string Normalized(string endpoint) => RouteParameter().Replace(endpoint, "{}");

    private static string GuidePath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var guide = Path.Combine(folder.FullName, "docs", "api.md");
            if (File.Exists(guide) && File.Exists(Path.Combine(folder.FullName, "SmartCity.Twin.sln")))
            {
                return guide;
            }
        }

        throw new FileNotFoundException("docs/api.md not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\b(GET|PUT|POST|DELETE|PATCH) /api/v1/[A-Za-z0-9_.{}/\-]+")]
    private static partial Regex GuideEndpoint();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex RouteParameter();
}
