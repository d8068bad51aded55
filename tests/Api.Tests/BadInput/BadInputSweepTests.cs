using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SmartCity.Twin.Api.Tests.BadInput;

/// <summary>
/// Every endpoint the app maps under <c>/api</c>, found at run time: bad input is a 4xx problem+json, never a 500.
/// Each test lists every endpoint that failed, so one run shows them all.
/// </summary>
public sealed class BadInputSweepTests(TwinApiFactory factory) : IClassFixture<TwinApiFactory>
{
    private static readonly string[] BodyMethods = ["POST", "PUT", "PATCH"];

    /// <summary>
    /// An endpoint that declares a JSON body must refuse it with a 4xx; one that declares none (logout, say) may ignore
    /// it, but must not fail with a 5xx.
    /// </summary>
    [Fact]
    public async Task Malformed_json_to_every_body_endpoint_is_a_4xx_problem()
    {
        using var client = factory.CreateAdminClient();
        var routes = BodyRoutes();
        Assert.Contains(routes, route => route.AcceptsJson);

        var failures = new List<string>();
        foreach (var route in routes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.UnknownPath())
            {
                Content = new StringContent("{\"name\": \"reboot\", \"location\": {", Encoding.UTF8, "application/json"),
            };
            Func<int, bool> expected = route.AcceptsJson ? status => status is >= 400 and < 500 : status => status < 500;
            failures.AddRange(await ProblemFailuresAsync(client, request, route, expected));
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task A_body_over_the_limit_to_every_body_endpoint_is_a_413_problem()
    {
        using var client = factory.CreateAdminClient();
        var oversized = new byte[SmartCity.Twin.Api.Documentation.ApiRequestLimits.DefaultMaxRequestBodyBytes + 1];
        Array.Fill(oversized, (byte)' ');
        oversized[0] = (byte)'[';
        oversized[^1] = (byte)']';

        var failures = new List<string>();
        foreach (var route in BodyRoutes())
        {
            using var content = new ByteArrayContent(oversized);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.UnknownPath()) { Content = content };
            failures.AddRange(await ProblemFailuresAsync(client, request, route, status => status == 413));
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task A_non_json_content_type_to_every_json_endpoint_is_a_415_problem()
    {
        using var client = factory.CreateAdminClient();
        var routes = BodyRoutes().Where(route => route.AcceptsJson).ToList();
        Assert.NotEmpty(routes);

        var failures = new List<string>();
        foreach (var route in routes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.UnknownPath())
            {
                Content = new StringContent("{}", Encoding.UTF8, "text/plain"),
            };
            failures.AddRange(await ProblemFailuresAsync(client, request, route, status => status == 415));
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task An_unknown_id_to_every_get_endpoint_with_an_id_is_a_404_or_400_problem()
    {
        using var client = factory.CreateAdminClient();
        var routes = ApiRoute.All(factory.Services)
            .Where(route => route.Method == "GET" && route.Pattern.Parameters.Any(p => p.Name.Equals("id", StringComparison.OrdinalIgnoreCase)))
            .ToList();
        Assert.Contains(routes, route => route.Template == "/api/v1/twins/{id}");

        var failures = new List<string>();
        foreach (var route in routes)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, route.UnknownPath());
            failures.AddRange(await ProblemFailuresAsync(client, request, route, status => status is 404 or 400));
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task An_unknown_id_to_every_delete_endpoint_is_a_404_problem_or_nothing_to_do()
    {
        using var client = factory.CreateAdminClient();
        var routes = ApiRoute.All(factory.Services).Where(route => route.Method == "DELETE" && route.Pattern.Parameters.Count > 0).ToList();
        Assert.Contains(routes, route => route.Template == "/api/v1/twins/{id}");

        var failures = new List<string>();
        foreach (var route in routes)
        {
            using var request = new HttpRequestMessage(HttpMethod.Delete, route.UnknownPath());
            failures.AddRange(await ProblemFailuresAsync(client, request, route, status => status is 404 or 400 or 204));
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private List<ApiRoute> BodyRoutes()
    {
        var routes = ApiRoute.All(factory.Services).Where(route => BodyMethods.Contains(route.Method)).ToList();
        Assert.Contains(routes, route => route.ToString() == "PUT /api/v1/twins/{id}");
        return routes;
    }

    /// <summary>Why the response does not have the expected status, or is an error that is not a problem; nothing when all is well.</summary>
    private static async Task<IEnumerable<string>> ProblemFailuresAsync(HttpClient client, HttpRequestMessage request, ApiRoute route, Func<int, bool> expected)
    {
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        var failures = new List<string>();
        if (!expected(status))
        {
            failures.Add($"{route}: status {status} ({Excerpt(body)})");
        }

        if (status < 400)
        {
            return failures;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            failures.Add($"{route}: content type {response.Content.Headers.ContentType?.MediaType ?? "(none)"}, not application/problem+json");
        }
        else if (!HasStatus(body, status))
        {
            failures.Add($"{route}: problem without a matching status ({Excerpt(body)})");
        }

        return failures;
    }

    private static bool HasStatus(string body, int status)
    {
        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.TryGetProperty("status", out var value) && value.TryGetInt32(out var number) && number == status;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Excerpt(string body) => body.Length <= 200 ? body : body[..200] + "…";
}
