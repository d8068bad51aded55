using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SmartCity.Twin.Api.Tests.Security;

public sealed class ApiKeyTests(TwinApiFactory factory) : IClassFixture<TwinApiFactory>
{
    [Fact]
    public async Task A_created_key_authenticates_as_key_name_with_its_scopes()
    {
        var name = AccessAdmin.UniqueName("reader");
        var key = await AccessAdmin.CreateKeyAsync(factory, name, ["read:twins", "read:alerts"]);
        using var client = AccessAdmin.KeyClient(factory, key);

        using var response = await client.GetAsync("/api/v1/auth/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"key:{name}", me.GetProperty("name").GetString());
        Assert.Equal("key", me.GetProperty("kind").GetString());
        Assert.Equal(["read:twins", "read:alerts"], me.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Listing_keys_never_shows_the_secret()
    {
        var name = AccessAdmin.UniqueName("listed");
        var key = await AccessAdmin.CreateKeyAsync(factory, name, ["read:twins"], rateLimitPerMinute: 42);
        using var admin = factory.CreateAdminClient();

        var text = await admin.GetStringAsync("/api/v1/auth/keys");

        Assert.DoesNotContain(key.Split('.')[2], text, StringComparison.Ordinal);
        var listed = JsonDocument.Parse(text).RootElement.EnumerateArray().Single(k => k.GetProperty("name").GetString() == name);
        Assert.Equal(42, listed.GetProperty("rateLimitPerMinute").GetInt32());
        Assert.Equal("key:admin", listed.GetProperty("createdBy").GetString());
        Assert.StartsWith(listed.GetProperty("prefix").GetString()!, key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_key_stops_working_at_once()
    {
        var name = AccessAdmin.UniqueName("revoked");
        var key = await AccessAdmin.CreateKeyAsync(factory, name, ["read:twins"]);
        using var client = AccessAdmin.KeyClient(factory, key);
        using (var before = await client.GetAsync("/api/v1/auth/me"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var admin = factory.CreateAdminClient();
        using (var revoke = await admin.DeleteAsync($"/api/v1/auth/keys/{name}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        using var after = await client.GetAsync("/api/v1/auth/me");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("application/problem+json", after.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_wrong_key_gets_401_problem()
    {
        var name = AccessAdmin.UniqueName("tampered");
        var key = await AccessAdmin.CreateKeyAsync(factory, name, ["read:twins"]);
        using var client = AccessAdmin.KeyClient(factory, key[..^2] + (key[^2..] == "AA" ? "BB" : "AA"));

        using var response = await client.GetAsync("/api/v1/auth/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("""{"name":"Upper","scopes":["read:twins"]}""", "name")]
    [InlineData("""{"name":"admin","scopes":["read:twins"]}""", "name")]
    [InlineData("""{"name":"ok-name","scopes":[]}""", "scopes")]
    [InlineData("""{"name":"ok-name","scopes":["write:everything"]}""", "scopes")]
    [InlineData("""{"name":"ok-name","scopes":["read:twins"],"rateLimitPerMinute":0}""", "rateLimitPerMinute")]
    public async Task A_bad_key_request_is_a_400_problem_naming_the_field(string json, string field)
    {
        using var admin = factory.CreateAdminClient();

        using var response = await admin.PostAsync("/api/v1/auth/keys", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains($"\"{field}\"", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_key_of_the_same_name_is_a_409_and_an_unknown_revocation_a_404()
    {
        var name = AccessAdmin.UniqueName("twice");
        await AccessAdmin.CreateKeyAsync(factory, name, ["read:twins"]);
        using var admin = factory.CreateAdminClient();

        using var again = await admin.PostAsJsonAsync("/api/v1/auth/keys", new { name, scopes = new[] { "read:twins" } });
        using var unknown = await admin.DeleteAsync($"/api/v1/auth/keys/{AccessAdmin.UniqueName("never")}");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
