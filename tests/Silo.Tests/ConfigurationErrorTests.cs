namespace SmartCity.Twin.Silo.Tests;

/// <summary>Settings the silo cannot start with end the process with a message that names the key, not a stack trace.</summary>
public sealed class ConfigurationErrorTests
{
    [Fact]
    public async Task Unknown_storage_provider_exits_non_zero_with_a_clear_message()
    {
        using var data = new TempDataFolder();
        await using var silo = SiloProcess.Start(data.Path, "--Storage:Provider", "oracle");

        var exitCode = await silo.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Storage:Provider 'oracle' is not supported", silo.Output, StringComparison.Ordinal);
        Assert.Contains("sqlite", silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postgres_without_connection_string_exits_non_zero_with_a_clear_message()
    {
        using var data = new TempDataFolder();
        await using var silo = SiloProcess.Start(data.Path, "--Storage:Provider", "postgres");

        var exitCode = await silo.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Storage:ConnectionString", silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_demo_flag_exits_non_zero_with_a_clear_message()
    {
        using var data = new TempDataFolder();
        await using var silo = SiloProcess.Start(data.Path, "--Demo:Enabled", "perhaps");

        var exitCode = await silo.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Demo:Enabled", silo.Output, StringComparison.Ordinal);
    }
}
