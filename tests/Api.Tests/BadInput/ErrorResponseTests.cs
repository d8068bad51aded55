using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SmartCity.Twin.Api.Tests.BadInput;

public sealed class ErrorResponseTests(TwinApiFactory factory) : IClassFixture<TwinApiFactory>
{
    [Fact]
    public async Task An_unknown_route_under_api_is_a_404_problem()
    {
        using var client = factory.CreateAdminClient();

        using var response = await client.GetAsync("/api/v1/no-such-resource");

        var problem = await ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("/openapi/v1.json", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_route_under_api_is_a_problem_even_for_a_client_asking_for_html()
    {
        using var client = factory.CreateAdminClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/no-such-resource");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var response = await client.SendAsync(request);

        await ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem_naming_the_allowed_ones()
    {
        using var client = factory.CreateAdminClient();

        using var response = await client.PatchAsync("/api/v1/gateways/mqtt", new StringContent("{}", Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Contains("GET", response.Content.Headers.Allow);
        Assert.Contains("GET", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_saying_what_is_wrong()
    {
        using var client = factory.CreateAdminClient();

        using var response = await client.PutAsync($"/api/v1/twins/bad-{Guid.NewGuid():N}", new StringContent("{\"kind\": \"camera\", \"name\": ", Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_value_of_the_wrong_type_is_a_400_problem_naming_the_field()
    {
        using var client = factory.CreateAdminClient();
        const string body = """{"kind": "camera", "name": "Cổng A", "location": {"lon": "east", "lat": 20.45}}""";

        using var response = await client.PutAsync($"/api/v1/twins/bad-{Guid.NewGuid():N}", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("$.location.lon", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_problem()
    {
        using var client = factory.CreateAdminClient();

        using var response = await client.PutAsync($"/api/v1/twins/bad-{Guid.NewGuid():N}", new StringContent("kind=camera", Encoding.UTF8, "application/x-www-form-urlencoded"));

        var problem = await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("application/x-www-form-urlencoded", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
