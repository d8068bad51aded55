using System.Globalization;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Simulators.Running;
using SmartCity.Twin.Simulators.Transports;

namespace SmartCity.Twin.Simulators.Tests.Commands;

/// <summary>Which province `run` simulates, and with how many devices.</summary>
public sealed class CliRunProvinceTests
{
    [Fact]
    public async Task Scale_runs_that_many_devices_in_the_seed_proportions()
    {
        using var silo = new InProcessSilo();
        var cli = new CliConsole();

        var exit = await cli.RunAsync(Run(silo, "--scale", "400", "--duration", "5m", "--speed", "600"));

        Assert.True(exit == ExitCodes.Succeeded, cli.Output);
        Assert.Contains("Thái Bình: 400 devices", cli.Output, StringComparison.Ordinal);
        Assert.Equal(400, CliSummary.Count(cli.Output, "Devices"));
        Assert.Equal(0, CliSummary.Count(cli.Output, "Refused by the twin"));
    }

    [Fact]
    public async Task Another_province_from_a_geojson_file_runs_with_the_counts_given_and_without_the_shipped_attribution()
    {
        var file = Path.Combine(Path.GetTempPath(), $"tinh-thu-{Guid.NewGuid():N}.geojson");
        var features = string.Join(", ", District("quan-mot", "Quận Một", 106.30), District("quan-hai", "Quận Hai", 106.40));
        await File.WriteAllTextAsync(file, "{\"type\": \"FeatureCollection\", \"features\": [" + features + "]}");
        try
        {
            using var silo = new InProcessSilo();
            using var admin = silo.CreateAdminClient();
            var cli = new CliConsole();

            var exit = await cli.RunAsync(Run(
                silo, "--geojson", file, "--cameras", "3", "--environment-sensors", "2", "--fire-alarms", "0", "--intersections", "1",
                "--service-counters", "0", "--http-share", "0", "--duration", "10m", "--speed", "600"));

            Assert.True(exit == ExitCodes.Succeeded, cli.Output);
            Assert.Contains("Tỉnh Thử: 6 devices", cli.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(ProvinceMap.Attribution, cli.Output, StringComparison.Ordinal);
            Assert.Equal(0, CliSummary.Count(cli.Output, "Refused by the twin"));
            Assert.True(CliSummary.Count(cli.Output, "Sent: telemetry") > 0, cli.Output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(null, 20_000, "Device")]
    [InlineData(null, 20_001, "Gateway")]
    [InlineData("Gateway", 161, "Gateway")]
    [InlineData("Device", 100_000, "Device")]
    public void Gateways_are_the_default_above_20000_devices(string? asked, int devices, string used)
    {
        var settings = new ProvinceRunSettings
        {
            Api = new Uri("http://localhost:5080"),
            Mqtt = "localhost:1883",
            ApiKey = "k",
            Transport = asked is null ? null : Enum.Parse<DeviceTransport>(asked),
        };

        Assert.Equal(Enum.Parse<DeviceTransport>(used), settings.TransportFor(devices));
    }

    private static string District(string id, string name, double west)
    {
        var ring = string.Create(
            CultureInfo.InvariantCulture,
            $"[[{west}, 20.40], [{west + 0.1}, 20.40], [{west + 0.1}, 20.50], [{west}, 20.50], [{west}, 20.40]]");
        return $$$"""
            {"type": "Feature", "properties": {"id": "{{{id}}}", "name": "{{{name}}}", "province": "Tỉnh Thử"},
             "geometry": {"type": "Polygon", "coordinates": [{{{ring}}}]}}
            """;
    }

    private static string[] Run(InProcessSilo silo, params string[] args) =>
        ["run", "--api", silo.ApiUrl, "--mqtt", silo.MqttAddress, "--api-key", InProcessSilo.AdminKey, .. args];
}
