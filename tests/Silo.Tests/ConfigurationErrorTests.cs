namespace SmartCity.Twin.Silo.Tests;

/// <summary>Settings the silo cannot start with end the process with a message that names the key, not a stack trace.</summary>
public sealed class ConfigurationErrorTests
{
    [Theory]
    [InlineData("Storage:Provider", "oracle", "Storage:Provider 'oracle' is not supported. Use one of: sqlite")]
    [InlineData("Storage:Provider", "postgres", "Storage:ConnectionString is not set")]
    [InlineData("Demo:Enabled", "perhaps", "Demo:Enabled must be true or false")]
    public async Task Invalid_setting_exits_2_with_a_message_naming_the_key(string key, string value, string expectedMessage)
    {
        using var data = new TempDataFolder();
        await using var silo = SiloProcess.Start(data.Path, "--" + key, value);

        var exitCode = await silo.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains(expectedMessage, silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_database_exits_non_zero_with_the_cause()
    {
        using var data = new TempDataFolder();
        await using var silo = SiloProcess.Start(
            data.Path,
            "--Storage:Provider", "postgres",
            "--Storage:ConnectionString", "Host=127.0.0.1;Port=1;Username=nobody;Database=nothing;Timeout=5");

        var exitCode = await silo.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(1, exitCode);
        Assert.Contains("SmartCity.Twin silo: cannot start:", silo.Output, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:1", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Address_in_use_exits_non_zero_with_the_cause()
    {
        using var data = new TempDataFolder();
        using var occupier = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        occupier.Start();
        var port = ((System.Net.IPEndPoint)occupier.LocalEndpoint).Port;
        await using var silo = SiloProcess.StartWithArguments(
            "--urls", $"http://127.0.0.1:{port}", "--Storage:Path", data.Path, "--Storage:Provider", "memory", "--Demo:Enabled", "false",
            "--Mqtt:Port", "-1");

        var exitCode = await silo.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Contains("SmartCity.Twin silo: cannot start:", silo.Output, StringComparison.Ordinal);
        Assert.Contains("address already in use", silo.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task MQTT_port_in_use_exits_non_zero_naming_the_port_and_the_ways_out()
    {
        using var data = new TempDataFolder();
        using var broker = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Any, 0);
        broker.Start();
        var port = ((System.Net.IPEndPoint)broker.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var silo = SiloProcess.Start(data.Path, "--Storage:Provider", "memory", "--Demo:Enabled", "false", "--Mqtt:Port", port);

        var exitCode = await silo.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Contains($"SmartCity.Twin silo: cannot start: MQTT port {port} is already in use", silo.Output, StringComparison.Ordinal);
        Assert.Contains("Mqtt:Bridge:Url", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_folder_that_cannot_be_created_exits_non_zero_with_the_cause()
    {
        using var data = new TempDataFolder();
        var blocker = Path.Combine(data.Path, "a-file");
        await File.WriteAllTextAsync(blocker, "not a folder");
        await using var silo = SiloProcess.Start(Path.Combine(blocker, "data"), "--Storage:Provider", "memory");

        var exitCode = await silo.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Contains("SmartCity.Twin silo: cannot start:", silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", silo.Output, StringComparison.Ordinal);
    }
}
