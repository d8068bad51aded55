using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SmartCity.Twin.Silo.Tests;

/// <summary>
/// The admin key: generated once, stored owner-only, printed once; a configured key replaces it. What the admin key
/// creates (operators, API keys) and the sign-ins of operators survive a restart.
/// </summary>
public sealed class AdminKeyTests
{
    [Fact]
    public async Task Generated_key_is_stored_owner_only_and_printed_only_at_first_start()
    {
        using var data = new TempDataFolder();
        string key;
        await using (var first = SiloProcess.Start(data.Path, "--Storage:Provider", "memory", "--Demo:Enabled", "false"))
        {
            await first.WaitUntilHealthyAsync();
            key = data.ReadAdminKey();
            Assert.True(key.Length >= 40, "the key should carry at least 256 bits");
            Assert.Contains($"Admin API key: {key}", first.Output, StringComparison.Ordinal);
            Assert.Equal(0, await first.StopAsync());
        }

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(data.AdminKeyFile));
        }

        await using var second = SiloProcess.Start(data.Path, "--Storage:Provider", "memory", "--Demo:Enabled", "false");
        await second.WaitUntilHealthyAsync();

        Assert.Equal(key, data.ReadAdminKey());
        Assert.DoesNotContain(key, second.Output, StringComparison.Ordinal);
        Assert.Contains(data.AdminKeyFile, second.Output, StringComparison.Ordinal);
        Assert.Equal(0, await second.StopAsync());
    }

    [Fact]
    public async Task Configured_key_is_used_and_nothing_is_generated()
    {
        using var data = new TempDataFolder();
        await using var silo = SiloProcess.Start(
            data.Path, "--Storage:Provider", "memory", "--Demo:Enabled", "false", "--Auth:AdminKey", "configured-key-for-tests");

        await silo.WaitUntilHealthyAsync();

        Assert.False(File.Exists(data.AdminKeyFile));
        Assert.DoesNotContain("Admin API key:", silo.Output, StringComparison.Ordinal);
        Assert.Equal(0, await silo.StopAsync());
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("not-the-key", HttpStatusCode.Unauthorized)]
    public async Task Telemetry_without_the_right_key_is_refused_with_problem_details(string? key, HttpStatusCode expected)
    {
        using var data = new TempDataFolder();
        await using var silo = SiloProcess.Start(
            data.Path, "--Storage:Provider", "memory", "--Demo:Enabled", "false", "--Auth:AdminKey", "the-real-key");
        await silo.WaitUntilHealthyAsync();

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/twins/any-device/telemetry")
        {
            Content = new StringContent("""{"values":{"pm25":41.2}}""", Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        using var response = await silo.Http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await silo.StopAsync());
    }

    [Fact]
    public async Task Operators_api_keys_and_issued_bearer_tokens_survive_a_restart()
    {
        using var data = new TempDataFolder();
        string apiKey;
        string token;
        await using (var first = SiloProcess.Start(data.Path, "--Demo:Enabled", "false", "--Auth:AdminKey", "the-real-key"))
        {
            await first.WaitUntilHealthyAsync();
            using (var user = await first.AdminHttp.PostAsJsonAsync("api/v1/auth/users", new { username = "night-shift", password = "a long enough password", role = "operator" }))
            {
                Assert.Equal(HttpStatusCode.Created, user.StatusCode);
            }

            using (var key = await first.AdminHttp.PostAsJsonAsync("api/v1/auth/keys", new { name = "lgsp", scopes = new[] { "read:twins" } }))
            {
                Assert.Equal(HttpStatusCode.Created, key.StatusCode);
                apiKey = (await key.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
            }

            using (var login = await first.Http.PostAsJsonAsync("api/v1/auth/login", new { username = "night-shift", password = "a long enough password" }))
            {
                Assert.Equal(HttpStatusCode.OK, login.StatusCode);
                token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
            }

            Assert.Equal(0, await first.StopAsync());
        }

        if (!OperatingSystem.IsWindows())
        {
            // The key ring that protects sessions and tokens is the operator's alone.
            var keyRing = Path.Combine(data.Path, "data-protection-keys");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keyRing));
        }

        await using var second = SiloProcess.Start(data.Path, "--Demo:Enabled", "false", "--Auth:AdminKey", "the-real-key");
        await second.WaitUntilHealthyAsync();

        using var byToken = new HttpRequestMessage(HttpMethod.Get, "api/v1/auth/me");
        byToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var tokenResponse = await second.Http.SendAsync(byToken);
        using var byKey = new HttpRequestMessage(HttpMethod.Get, "api/v1/auth/me");
        byKey.Headers.Add("X-Api-Key", apiKey);
        using var keyResponse = await second.Http.SendAsync(byKey);
        using var relogin = await second.Http.PostAsJsonAsync("api/v1/auth/login", new { username = "night-shift", password = "a long enough password" });

        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        Assert.Equal("night-shift", (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, keyResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, relogin.StatusCode);
        Assert.Equal(0, await second.StopAsync());
    }

    [Theory]
    [InlineData("--Auth:Users:duty-officer:Role", "root", "Auth:Users:duty-officer:Role")]
    [InlineData("--Auth:Users:duty-officer:PasswordHash", "plain-text-password", "Auth:Users:duty-officer:PasswordHash")]
    [InlineData("--Cors:AllowedOrigins:0", "*", "Cors:AllowedOrigins")]
    [InlineData("--Auth:RateLimit:PermitsPerMinute", "0", "Auth:RateLimit:PermitsPerMinute")]
    public async Task An_invalid_auth_or_cors_setting_stops_the_silo_naming_the_setting(string key, string value, string named)
    {
        using var data = new TempDataFolder();
        await using var silo = SiloProcess.Start(
            data.Path, "--Storage:Provider", "memory", "--Demo:Enabled", "false", "--Auth:AdminKey", "the-real-key", key, value);

        var exitCode = await silo.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("cannot start", silo.Output, StringComparison.Ordinal);
        Assert.Contains(named, silo.Output, StringComparison.Ordinal);
    }
}
