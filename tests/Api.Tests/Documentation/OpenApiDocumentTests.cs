using System.Net;
using System.Text.Json;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using SmartCity.Twin.Api.Tests.BadInput;

namespace SmartCity.Twin.Api.Tests.Documentation;

public sealed class OpenApiDocumentTests(TwinApiFactory factory) : IClassFixture<TwinApiFactory>
{
    [Fact]
    public async Task The_document_is_served_anonymously_as_valid_openapi_naming_smartcity_twin()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();

        var read = OpenApiDocument.Parse(json, "json");
        Assert.Empty(read.Diagnostic?.Errors ?? []);
        var document = read.Document!;
        Assert.Contains("SmartCity.Twin", document.Info.Title, StringComparison.Ordinal);
        Assert.Contains("SmartCity.Twin", document.Info.Description, StringComparison.Ordinal);
        Assert.NotEmpty(document.Servers ?? []);
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
    }

    [Fact]
    public async Task Every_endpoint_under_api_v1_is_in_the_document()
    {
        using var document = await DocumentAsync();
        var paths = document.RootElement.GetProperty("paths");

        var routes = ApiRoute.All(factory.Services).Where(route => route.Template.StartsWith("/api/v1/", StringComparison.Ordinal)).ToList();
        Assert.Contains(routes, route => route.Template == "/api/v1/twins/{id}");

        var missing = routes
            .Where(route => !paths.TryGetProperty(route.Template, out var path) || !path.TryGetProperty(route.Method.ToLowerInvariant(), out _))
            .Select(route => route.ToString())
            .ToList();
        Assert.True(missing.Count == 0, "Not in /openapi/v1.json: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task The_three_ways_to_authenticate_are_described_and_required_by_protected_endpoints()
    {
        using var document = await DocumentAsync();
        var root = document.RootElement;

        var schemes = root.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("X-Api-Key", schemes.GetProperty("apiKey").GetProperty("name").GetString());
        Assert.Equal("header", schemes.GetProperty("apiKey").GetProperty("in").GetString());
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal("cookie", schemes.GetProperty("cookie").GetProperty("in").GetString());

        var getTwin = root.GetProperty("paths").GetProperty("/api/v1/twins/{id}").GetProperty("get");
        var required = getTwin.GetProperty("security").EnumerateArray().SelectMany(requirement => requirement.EnumerateObject().Select(p => p.Name)).ToList();
        Assert.Equal(["apiKey", "bearer", "cookie"], required.Order());
        Assert.Contains("read:twins", getTwin.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_are_documented_as_problem_json()
    {
        using var document = await DocumentAsync();

        var responses = document.RootElement.GetProperty("paths").GetProperty("/api/v1/twins/{id}").GetProperty("put").GetProperty("responses");
        foreach (var status in new[] { "400", "401", "403", "404", "413", "415" })
        {
            Assert.True(responses.TryGetProperty(status, out var response), $"PUT /api/v1/twins/{{id}} does not document {status}");
            Assert.True(response.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{status} is not problem+json");
        }
    }

    [Fact]
    public async Task The_twin_list_documents_its_filters_and_paging_as_query_parameters()
    {
        using var document = await DocumentAsync();

        var parameters = document.RootElement.GetProperty("paths").GetProperty("/api/v1/twins").GetProperty("get").GetProperty("parameters")
            .EnumerateArray()
            .Where(p => p.GetProperty("in").GetString() == "query")
            .ToDictionary(p => p.GetProperty("name").GetString()!);
        foreach (var name in new[] { "kind", "district", "status", "metric", "bbox", "near", "limit", "cursor" })
        {
            Assert.True(parameters.ContainsKey(name), $"GET /api/v1/twins does not document '{name}'");
        }

        Assert.Equal("array", parameters["metric"].GetProperty("schema").GetProperty("type").GetString());
        Assert.Contains("environment-sensor", parameters["kind"].GetProperty("schema").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task Device_kinds_are_described_by_their_slugs()
    {
        using var document = await DocumentAsync();

        var enums = EnumsIn(document.RootElement).ToList();
        var kinds = enums.FirstOrDefault(values => values.Contains("camera"));
        Assert.NotNull(kinds);
        Assert.Contains("environment-sensor", kinds);
        Assert.DoesNotContain(enums, values => values.Contains("EnvironmentSensor"));
    }

    [Fact]
    public async Task The_browsable_reference_is_served_anonymously_and_reads_the_document()
    {
        using var client = factory.CreateClient();

        using var page = await client.GetAsync("/api/docs/index.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("swagger-ui", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        using var configuration = await client.GetAsync("/api/docs/index.js");
        Assert.Equal(HttpStatusCode.OK, configuration.StatusCode);
        Assert.Contains("/openapi/v1.json", await configuration.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static IEnumerable<List<string?>> EnumsIn(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "enum" && property.Value.ValueKind == JsonValueKind.Array)
                {
                    yield return [.. property.Value.EnumerateArray().Select(value => value.ValueKind == JsonValueKind.String ? value.GetString() : null)];
                }

                foreach (var inner in EnumsIn(property.Value))
                {
                    yield return inner;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var inner in element.EnumerateArray().SelectMany(EnumsIn))
            {
                yield return inner;
            }
        }
    }

    private async Task<JsonDocument> DocumentAsync()
    {
        using var client = factory.CreateClient();
        return JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
    }
}
