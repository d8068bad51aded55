using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SmartCity.Twin.Api.Tests.BadInput;

public sealed class BodyLimitTests(SmallBodyLimitFactory factory) : IClassFixture<SmallBodyLimitFactory>
{
    [Fact]
    public async Task A_body_over_the_configured_limit_is_a_413_problem_naming_the_limit()
    {
        using var client = factory.CreateAdminClient();
        var body = ProvisionBody(padding: SmallBodyLimitFactory.Limit);

        using var response = await client.PutAsync($"/api/v1/twins/limit-{Guid.NewGuid():N}", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(SmallBodyLimitFactory.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_a_413_problem_too()
    {
        using var client = factory.CreateAdminClient();
        using var content = new UnsizedContent(Encoding.UTF8.GetBytes(ProvisionBody(padding: SmallBodyLimitFactory.Limit)), "application/json");

        using var response = await client.PutAsync($"/api/v1/twins/limit-{Guid.NewGuid():N}", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_chunked_body_under_the_limit_is_read_as_usual()
    {
        using var client = factory.CreateAdminClient();
        using var content = new UnsizedContent(Encoding.UTF8.GetBytes(ProvisionBody(padding: 0)), "application/json");

        using var response = await client.PutAsync($"/api/v1/twins/limit-{Guid.NewGuid():N}", content);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_body_under_the_limit_is_accepted()
    {
        using var client = factory.CreateAdminClient();

        using var response = await client.PutAsync($"/api/v1/twins/limit-{Guid.NewGuid():N}", new StringContent(ProvisionBody(padding: 0), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static string ProvisionBody(int padding) =>
        $$$"""{"kind":"camera","name":"Cổng bệnh viện{{{new string(' ', padding)}}}","location":{"lon":106.34,"lat":20.45}}""";
}
