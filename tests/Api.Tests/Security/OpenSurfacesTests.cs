using System.Net;
using System.Net.Http.Json;

namespace SmartCity.Twin.Api.Tests.Security;

/// <summary>What stays open without credentials, and how the live hub accepts browsers' and tools' credentials.</summary>
public sealed class OpenSurfacesTests(TwinApiFactory factory) : IClassFixture<TwinApiFactory>
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/openapi/v1.json")]
    public async Task Health_and_the_api_document_need_no_credentials(string path)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/no-such-endpoint")]
    [InlineData("/api/v1/twins")]
    public async Task Anything_under_the_api_without_credentials_is_401_problem(string path)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("X-Api-Key", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_needs_no_credentials_and_a_malformed_body_is_a_400_problem()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "someone" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_live_hub_takes_the_bearer_token_from_the_access_token_query()
    {
        var username = AccessAdmin.UniqueName("mapviewer");
        await AccessAdmin.CreateUserAsync(factory, username, "viewer");
        using var login = factory.CreateClient();
        var token = await AccessAdmin.LoginAsync(login, username);
        using var client = factory.CreateClient();

        using var withToken = await client.PostAsync($"/hubs/twin/negotiate?negotiateVersion=1&access_token={Uri.EscapeDataString(token)}", null);
        using var withoutToken = await client.PostAsync("/hubs/twin/negotiate?negotiateVersion=1", null);
        using var badToken = await client.PostAsync("/hubs/twin/negotiate?negotiateVersion=1&access_token=forged", null);

        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, badToken.StatusCode);
    }

    [Fact]
    public async Task The_live_hub_takes_an_api_key_header_and_refuses_a_key_without_read_twins()
    {
        var reader = await AccessAdmin.CreateKeyAsync(factory, AccessAdmin.UniqueName("hub-reader"), ["read:twins"]);
        var commander = await AccessAdmin.CreateKeyAsync(factory, AccessAdmin.UniqueName("hub-commander"), ["write:commands"]);
        using var readerClient = AccessAdmin.KeyClient(factory, reader);
        using var commanderClient = AccessAdmin.KeyClient(factory, commander);

        using var allowed = await readerClient.PostAsync("/hubs/twin/negotiate?negotiateVersion=1", null);
        using var denied = await commanderClient.PostAsync("/hubs/twin/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task A_token_in_the_query_is_not_accepted_outside_the_live_hub()
    {
        var username = AccessAdmin.UniqueName("querytoken");
        await AccessAdmin.CreateUserAsync(factory, username, "viewer");
        using var login = factory.CreateClient();
        var token = await AccessAdmin.LoginAsync(login, username);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync($"/api/v1/auth/me?access_token={Uri.EscapeDataString(token)}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
