using System.Net;

namespace SmartCity.Twin.Silo.Tests;

/// <summary>The memory provider: the silo runs and serves, and nothing but the admin key is written to the data folder.</summary>
public sealed class MemoryProviderTests
{
    [Fact]
    public async Task Memory_provider_starts_healthy_and_writes_no_database()
    {
        using var data = new TempDataFolder();
        await using var silo = SiloProcess.Start(data.Path, "--Storage:Provider", "memory", "--Demo:Enabled", "false");

        await silo.WaitUntilHealthyAsync();
        using var health = await silo.Http.GetAsync(new Uri("healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("Memory", silo.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(data.Path, "twin.db")));
        Assert.Equal(0, await silo.StopAsync());
    }
}
