using System.Net;

namespace SmartCity.Twin.Api.Tests;

public sealed class AnonymousAccessTests(TwinApiFactory factory) : IClassFixture<TwinApiFactory>
{
    [Fact]
    public async Task A_request_without_credentials_to_a_protected_endpoint_gets_401_problem_json()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/v1/gateways/mqtt");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_admin_key_is_accepted()
    {
        using var client = factory.CreateAdminClient();

        using var response = await client.GetAsync("/api/v1/gateways/mqtt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
