using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SmartCity.Twin.Api.Tests.Security;

public sealed class OperatorSignInTests(TwinApiFactory factory) : IClassFixture<TwinApiFactory>
{
    [Fact]
    public async Task Login_sets_an_http_only_strict_cookie_that_authenticates_the_dashboard()
    {
        var username = AccessAdmin.UniqueName("ana");
        await AccessAdmin.CreateUserAsync(factory, username, "operator");
        using var client = factory.CreateClient();

        using var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { username, password = AccessAdmin.Password });

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var setCookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        Assert.Equal(username, me.GetProperty("name").GetString());
        Assert.Equal("operator", me.GetProperty("role").GetString());
        Assert.Equal(["read:twins", "read:alerts", "write:commands"], me.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task The_bearer_token_from_login_authenticates_a_tool_without_cookies()
    {
        var username = AccessAdmin.UniqueName("tool");
        await AccessAdmin.CreateUserAsync(factory, username, "viewer");
        using var login = factory.CreateClient();
        var token = await AccessAdmin.LoginAsync(login, username);
        using var tool = AccessAdmin.BearerClient(factory, token);

        var me = await tool.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");

        Assert.Equal(username, me.GetProperty("name").GetString());
        Assert.Equal("viewer", me.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Logout_ends_the_cookie_session_and_the_token_of_the_same_sign_in()
    {
        var username = AccessAdmin.UniqueName("leaving");
        await AccessAdmin.CreateUserAsync(factory, username, "viewer");
        using var browser = factory.CreateClient();
        var token = await AccessAdmin.LoginAsync(browser, username);
        using (var before = await browser.GetAsync("/api/v1/auth/me"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using (var logout = await browser.PostAsync("/api/v1/auth/logout", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        }

        using var cookieAfter = await browser.GetAsync("/api/v1/auth/me");
        using var tool = AccessAdmin.BearerClient(factory, token);
        using var tokenAfter = await tool.GetAsync("/api/v1/auth/me");
        Assert.Equal(HttpStatusCode.Unauthorized, cookieAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tokenAfter.StatusCode);
    }

    [Fact]
    public async Task A_replayed_cookie_is_refused_after_logout()
    {
        var username = AccessAdmin.UniqueName("replay");
        await AccessAdmin.CreateUserAsync(factory, username, "viewer");
        using var browser = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        using var login = await browser.PostAsJsonAsync("/api/v1/auth/login", new { username, password = AccessAdmin.Password });
        var cookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        using var logout = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/logout");
        logout.Headers.Add("Cookie", cookie);
        (await browser.SendAsync(logout)).Dispose();

        using var replay = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        replay.Headers.Add("Cookie", cookie);
        using var response = await browser.SendAsync(replay);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Bad_credentials_get_the_same_401_problem_for_an_unknown_user_and_a_wrong_password(bool knownUser)
    {
        var username = AccessAdmin.UniqueName("guess");
        if (knownUser)
        {
            await AccessAdmin.CreateUserAsync(factory, username, "admin");
        }

        using var client = factory.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { username, password = "not the password at all" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The user name or password is wrong.", problem.GetProperty("detail").GetString());
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_cookie_without_the_right_role_gets_a_403_problem_not_a_redirect()
    {
        var username = AccessAdmin.UniqueName("viewer");
        await AccessAdmin.CreateUserAsync(factory, username, "viewer");
        using var browser = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await AccessAdmin.LoginAsync(browser, username);

        using var response = await browser.GetAsync("/api/v1/auth/users");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_deleted_user_is_signed_out_at_once()
    {
        var username = AccessAdmin.UniqueName("gone");
        await AccessAdmin.CreateUserAsync(factory, username, "operator");
        using var browser = factory.CreateClient();
        var token = await AccessAdmin.LoginAsync(browser, username);
        using var admin = factory.CreateAdminClient();

        using (var delete = await admin.DeleteAsync($"/api/v1/auth/users/{username}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        using var tool = AccessAdmin.BearerClient(factory, token);
        using var byCookie = await browser.GetAsync("/api/v1/auth/me");
        using var byToken = await tool.GetAsync("/api/v1/auth/me");
        Assert.Equal(HttpStatusCode.Unauthorized, byCookie.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byToken.StatusCode);
    }

    [Fact]
    public async Task Users_are_listed_with_roles_and_never_with_password_hashes()
    {
        var username = AccessAdmin.UniqueName("listed");
        await AccessAdmin.CreateUserAsync(factory, username, "operator");
        using var admin = factory.CreateAdminClient();

        var text = await admin.GetStringAsync("/api/v1/auth/users");

        var user = JsonDocument.Parse(text).RootElement.EnumerateArray().Single(u => u.GetProperty("username").GetString() == username);
        Assert.Equal("operator", user.GetProperty("role").GetString());
        Assert.Equal("api", user.GetProperty("source").GetString());
        Assert.DoesNotContain("hash", text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("""{"username":"Bad Name","password":"long enough password","role":"viewer"}""", "username")]
    [InlineData("""{"username":"shortpw","password":"short","role":"viewer"}""", "password")]
    [InlineData("""{"username":"norole","password":"long enough password","role":"root"}""", "role")]
    public async Task A_bad_user_request_is_a_400_problem_naming_the_field(string json, string field)
    {
        using var admin = factory.CreateAdminClient();

        using var response = await admin.PostAsync("/api/v1/auth/users", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains($"\"{field}\"", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_https_the_session_cookie_is_secure()
    {
        var username = AccessAdmin.UniqueName("https");
        await AccessAdmin.CreateUserAsync(factory, username, "viewer");
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        using var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { username, password = AccessAdmin.Password });

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("secure", Assert.Single(login.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
    }
}
