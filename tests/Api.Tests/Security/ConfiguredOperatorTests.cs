using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;

namespace SmartCity.Twin.Api.Tests.Security;

/// <summary>A silo with an operator seeded from configuration (<c>Auth:Users:{name}:PasswordHash</c> and <c>:Role</c>).</summary>
public sealed class ConfiguredOperatorFactory : TwinApiFactory
{
    public const string Username = "duty-officer";
    public const string Password = "seeded from configuration";

    private static readonly string Hash = new PasswordHasher<object>().HashPassword(new object(), Password);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        [$"Auth:Users:{Username}:PasswordHash"] = Hash,
        [$"Auth:Users:{Username}:Role"] = "operator",
    };
}

public sealed class ConfiguredOperatorTests(ConfiguredOperatorFactory factory) : IClassFixture<ConfiguredOperatorFactory>
{
    [Fact]
    public async Task A_configured_operator_signs_in_with_the_role_configured()
    {
        using var client = factory.CreateClient();
        await AccessAdmin.LoginAsync(client, ConfiguredOperatorFactory.Username, ConfiguredOperatorFactory.Password);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");

        Assert.Equal(ConfiguredOperatorFactory.Username, me.GetProperty("name").GetString());
        Assert.Equal("operator", me.GetProperty("role").GetString());
    }

    [Fact]
    public async Task A_configured_operator_is_listed_as_such_and_cannot_be_deleted_or_shadowed_through_the_api()
    {
        using var admin = factory.CreateAdminClient();

        var users = await admin.GetFromJsonAsync<JsonElement>("/api/v1/auth/users");
        using var delete = await admin.DeleteAsync($"/api/v1/auth/users/{ConfiguredOperatorFactory.Username}");
        using var create = await admin.PostAsJsonAsync("/api/v1/auth/users", new { username = ConfiguredOperatorFactory.Username, password = "another long password", role = "admin" });

        var listed = users.EnumerateArray().Single(u => u.GetProperty("username").GetString() == ConfiguredOperatorFactory.Username);
        Assert.Equal("configuration", listed.GetProperty("source").GetString());
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, create.StatusCode);
    }
}
