using System.Net;
using System.Text;

namespace SmartCity.Twin.Silo.Tests;

/// <summary>The admin key: generated once, stored owner-only, printed once; a configured key replaces it.</summary>
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
}
