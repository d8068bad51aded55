using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Twin.Runtime;
using SmartCity.Twin.Runtime.Storage;

namespace SmartCity.Twin.Api.Tests.Security;

/// <summary>What is written to grain storage holds no key and no password, only salted hashes.</summary>
public sealed class StoredSecretsTests(TwinApiFactory factory) : IClassFixture<TwinApiFactory>
{
    [Fact]
    public async Task A_stored_api_key_is_a_salted_hash_not_the_key()
    {
        var name = AccessAdmin.UniqueName("stored");
        var key = await AccessAdmin.CreateKeyAsync(factory, name, ["read:twins"]);

        var stored = await ReadStoredAsync("api-keys", new GrainId("api-key-registry", "default"));

        Assert.Contains(name, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(key, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Split('.')[2], stored, StringComparison.Ordinal);
        Assert.Contains("secretHash", stored, StringComparison.Ordinal);
        Assert.Contains("salt", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_password_is_a_pbkdf2_hash_not_the_password()
    {
        var username = AccessAdmin.UniqueName("hashed");
        await AccessAdmin.CreateUserAsync(factory, username, "viewer");

        var stored = await ReadStoredAsync("operators", new GrainId("operator-accounts", "default"));

        Assert.Contains(username, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(AccessAdmin.Password, stored, StringComparison.Ordinal);
        var hash = JsonDocument.Parse(stored).RootElement.GetProperty("accounts").GetProperty(username).GetProperty("passwordHash").GetString()!;

        // Identity's v3 format: marker byte 0x01, then PRF, iteration count, salt length, salt, subkey.
        Assert.Equal(0x01, Convert.FromBase64String(hash)[0]);
    }

    private async Task<string> ReadStoredAsync(string stateName, GrainId grain)
    {
        var storage = factory.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default);
        var state = new StoredState();
        await storage.ReadStateAsync(stateName, grain, state);
        Assert.True(state.RecordExists, $"{grain} has no stored {stateName}");
        return state.State.GetRawText();
    }

    private sealed class StoredState : IGrainState<JsonElement>
    {
        public JsonElement State { get; set; }

        public string? ETag { get; set; }

        public bool RecordExists { get; set; }
    }
}
