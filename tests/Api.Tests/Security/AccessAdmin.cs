using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace SmartCity.Twin.Api.Tests.Security;

/// <summary>What an admin does to set up access in these tests: create keys and users, sign in; each name unique per call.</summary>
internal static class AccessAdmin
{
    public const string Password = "correct horse battery staple";

    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 64)];

    /// <summary>Creates a key through the API and returns it (the only time it is visible).</summary>
    public static async Task<string> CreateKeyAsync(TwinApiFactory factory, string name, string[] scopes, int? rateLimitPerMinute = null)
    {
        using var admin = factory.CreateAdminClient();
        using var response = await admin.PostAsJsonAsync("/api/v1/auth/keys", new { name, scopes, rateLimitPerMinute });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("key").GetString()!;
    }

    public static async Task CreateUserAsync(TwinApiFactory factory, string username, string role, string password = Password)
    {
        using var admin = factory.CreateAdminClient();
        using var response = await admin.PostAsJsonAsync("/api/v1/auth/users", new { username, password, role });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public static HttpClient KeyClient(TwinApiFactory factory, string key)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>Signs in and returns the bearer token; the client keeps the session cookie.</summary>
    public static async Task<string> LoginAsync(HttpClient client, string username, string password = Password)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { username, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("accessToken").GetString()!;
    }

    /// <summary>Signs in and returns the session cookie as a <c>Cookie</c> header value.</summary>
    public static async Task<string> LoginForCookieAsync(TwinApiFactory factory, string username, string password = Password)
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { username, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
    }

    public static HttpClient BearerClient(TwinApiFactory factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
