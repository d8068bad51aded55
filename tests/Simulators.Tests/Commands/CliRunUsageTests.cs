using SmartCity.Twin.Simulators.Running;

namespace SmartCity.Twin.Simulators.Tests.Commands;

/// <summary>A wrong `run` command line is told in one line naming what is wrong, with exit code 2, and nothing is sent.</summary>
public sealed class CliRunUsageTests
{
    private const string Key = "--api-key=some-key";

    [Fact]
    public async Task An_unknown_province_is_named_with_the_ones_that_ship()
    {
        var cli = new CliConsole();

        var exit = await cli.RunAsync("run", "--province", "ha-noi", Key);

        Assert.Equal(ExitCodes.BadUsage, exit);
        var line = Assert.Single(cli.Lines);
        Assert.Contains("--province 'ha-noi'", line, StringComparison.Ordinal);
        Assert.Contains("thai-binh", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.5")]
    [InlineData("0")]
    [InlineData("-3")]
    public async Task A_speed_below_real_time_is_refused(string speed)
    {
        var cli = new CliConsole();

        var exit = await cli.RunAsync("run", "--speed", speed, Key);

        Assert.Equal(ExitCodes.BadUsage, exit);
        Assert.Contains("--speed must be at least 1", Assert.Single(cli.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_http_share_outside_zero_to_one_is_refused()
    {
        var cli = new CliConsole();

        var exit = await cli.RunAsync("run", "--http-share", "1.5", Key);

        Assert.Equal(ExitCodes.BadUsage, exit);
        Assert.Contains("--http-share", Assert.Single(cli.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_duration_shows_how_to_write_one()
    {
        var cli = new CliConsole();

        var exit = await cli.RunAsync("run", "--duration", "ten minutes", Key);

        Assert.Equal(ExitCodes.BadUsage, exit);
        var line = Assert.Single(cli.Lines);
        Assert.Contains("--duration 'ten minutes'", line, StringComparison.Ordinal);
        Assert.Contains("PT10M", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_transport_is_refused()
    {
        var cli = new CliConsole();

        var exit = await cli.RunAsync("run", "--transport", "carrier-pigeon", Key);

        Assert.Equal(ExitCodes.BadUsage, exit);
        Assert.Contains("--transport 'carrier-pigeon'", Assert.Single(cli.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_geojson_file_that_is_not_geojson_names_the_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"not-districts-{Guid.NewGuid():N}.geojson");
        await File.WriteAllTextAsync(file, "{\"type\": \"FeatureCollection\", \"features\": [ oops");
        try
        {
            var cli = new CliConsole();

            var exit = await cli.RunAsync("run", "--geojson", file, Key);

            Assert.Equal(ExitCodes.BadUsage, exit);
            var line = Assert.Single(cli.Lines);
            Assert.StartsWith($"--geojson {file}:", line, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_missing_geojson_file_names_the_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.geojson");
        var cli = new CliConsole();

        var exit = await cli.RunAsync("run", "--geojson", file, Key);

        Assert.Equal(ExitCodes.BadUsage, exit);
        Assert.StartsWith($"--geojson {file}:", Assert.Single(cli.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_api_key_it_says_where_the_silo_keeps_its_admin_key()
    {
        var cli = new CliConsole();

        var exit = await cli.RunAsync("run", "--duration", "1m");

        Assert.Equal(ExitCodes.BadUsage, exit);
        var line = Assert.Single(cli.Lines);
        Assert.Contains("--api-key", line, StringComparison.Ordinal);
        Assert.Contains("TWIN_API_KEY", line, StringComparison.Ordinal);
        Assert.Contains("silo/data/admin-key", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pm25_csv_with_a_bad_row_names_the_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pm25-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "timestamp,pm25\n2026-01-01T00:00:00+07:00,41\nyesterday,not-a-number\n");
        try
        {
            var cli = new CliConsole();

            var exit = await cli.RunAsync("run", "--pm25-csv", file, Key);

            Assert.Equal(ExitCodes.BadUsage, exit);
            var line = Assert.Single(cli.Lines);
            Assert.StartsWith("--pm25-csv", line, StringComparison.Ordinal);
            Assert.Contains(file, line, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
