using System.Globalization;
using System.Text.Json;
using SmartCity.Twin.Simulators.Load;

namespace SmartCity.Twin.Simulators.Tests.Load;

public sealed class LoadCommandTests(InProcessSilo silo) : IClassFixture<InProcessSilo>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("twin-load-tests-").FullName;

    [Fact]
    public async Task A_small_load_reports_what_the_twins_took_with_latency_from_both_probes()
    {
        var csv = Path.Combine(folder, "small.csv");
        var console = new LoadConsole();

        var exit = await console.RunAsync(
            "--devices", "20", "--rate", "200", "--duration", "3", "--warmup", "1", "--id-prefix", "small-load-",
            "--csv", csv, "--api", silo.ApiUrl, "--mqtt", silo.MqttAddress, "--api-key", InProcessSilo.AdminKey);

        Assert.True(exit == 0, console.Output);
        var lines = await File.ReadAllLinesAsync(csv);
        Assert.Equal(LoadCsv.Header, lines[0]);
        var rows = lines.Skip(1).Select(line => Row(lines[0], line)).ToList();
        Assert.Equal(["puback", "hub", "api"], rows.Select(r => r["probe"]));
        foreach (var row in rows)
        {
            Assert.Equal("twin", row["target"]);
            Assert.Equal("200", row["rate_requested"]);
            Assert.True(long.Parse(row["acknowledged"], CultureInfo.InvariantCulture) > 0);
            Assert.Equal(row["acknowledged_total"], row["twins_took"]);
            Assert.True(int.Parse(row["samples"], CultureInfo.InvariantCulture) > 0, $"{row["probe"]} has no samples");
            foreach (var percentile in new[] { "p50_ms", "p90_ms", "p99_ms", "max_ms" })
            {
                Assert.True(double.Parse(row[percentile], CultureInfo.InvariantCulture) > 0, $"{row["probe"]} {percentile} = '{row[percentile]}'");
            }
        }

        Assert.Contains("Throughput", console.Output, StringComparison.Ordinal);
        Assert.Contains("SignalR hub", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_twin_shows_the_sequence_number_of_the_last_message_its_device_sent()
    {
        var csv = Path.Combine(folder, "sequence.csv");
        var console = new LoadConsole();

        var exit = await console.RunAsync(
            "--devices", "4", "--rate", "40", "--duration", "1", "--warmup", "0", "--id-prefix", "seq-load-", "--api-probe-devices", "0",
            "--csv", csv, "--api", silo.ApiUrl, "--mqtt", silo.MqttAddress, "--api-key", InProcessSilo.AdminKey);

        Assert.True(exit == 0, console.Output);
        var lines = await File.ReadAllLinesAsync(csv);
        var acknowledged = long.Parse(Row(lines[0], lines[1])["acknowledged_total"], CultureInfo.InvariantCulture);
        using var http = silo.CreateAdminClient();
        long shown = 0;
        foreach (var id in new[] { "seq-load-00000", "seq-load-00001", "seq-load-00002", "seq-load-00003" })
        {
            using var twin = JsonDocument.Parse(await http.GetStringAsync(new Uri($"api/v1/twins/{id}", UriKind.Relative)));
            var sequence = twin.RootElement.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == "load_seq");
            shown += (long)sequence.GetProperty("value").GetDouble();
        }

        Assert.Equal(acknowledged, shown);
    }

    [Fact]
    public async Task A_second_run_with_the_same_ids_takes_over_the_existing_twins()
    {
        var csv = Path.Combine(folder, "again.csv");
        string[] args =
        [
            "--devices", "3", "--rate", "30", "--duration", "1", "--warmup", "0", "--id-prefix", "again-load-", "--api-probe-devices", "0",
            "--csv", csv, "--api", silo.ApiUrl, "--mqtt", silo.MqttAddress, "--api-key", InProcessSilo.AdminKey,
        ];

        var first = await new LoadConsole().RunAsync(args);
        var second = new LoadConsole();
        var exit = await second.RunAsync(args);

        Assert.Equal(0, first);
        Assert.True(exit == 0, second.Output);
        var lines = await File.ReadAllLinesAsync(csv);
        Assert.Equal(1, lines.Count(l => l == LoadCsv.Header));
        Assert.Equal(["puback", "hub", "puback", "hub"], lines.Skip(1).Select(l => l.Split(',')[17]));
    }

    [Fact]
    public async Task Devices_the_broker_refuses_make_the_run_fail_with_exit_code_1()
    {
        var console = new LoadConsole();

        // The twin's MQTT endpoint wants each device's credentials; --broker-only connects without any.
        var exit = await console.RunAsync(
            "--broker-only", "--devices", "2", "--rate", "10", "--duration", "1", "--warmup", "0",
            "--csv", Path.Combine(folder, "refused.csv"), "--mqtt", silo.MqttAddress);

        Assert.Equal(1, exit);
        Assert.Contains("could not connect", console.Output, StringComparison.Ordinal);
        Assert.Equal("load: no message was acknowledged; see the notes above.", console.LastLine);
    }

    [Theory]
    [InlineData("--devices 0", "--devices must be at least 1 (got 0).")]
    [InlineData("--rate 0", "--rate must be more than 0 messages a second (got 0).")]
    [InlineData("--rate -5", "--rate must be more than 0 messages a second (got -5).")]
    [InlineData("--duration 0", "--duration must be more than 0 seconds (got 0).")]
    [InlineData("--qos 2", "--qos must be 0 or 1 (got 2).")]
    [InlineData("--mqtt localhost:http", "--mqtt must be host:port, e.g. localhost:1883, or a host for port 1883 (got 'localhost:http').")]
    [InlineData("--id-prefix a/b", "--id-prefix must be letters, digits, '-', '_' or '.' (got 'a/b').")]
    [InlineData("--district atlantis", "--district: ")]
    public async Task Bad_arguments_exit_with_2_and_a_one_line_message_naming_the_option(string arguments, string message)
    {
        var console = new LoadConsole();

        var exit = await console.RunAsync([.. arguments.Split(' '), "--api-key", "k", "--csv", Path.Combine(folder, "bad.csv")]);

        Assert.Equal(2, exit);
        Assert.StartsWith("load: " + message, console.Output, StringComparison.Ordinal);
        Assert.Single(console.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(Path.Combine(folder, "bad.csv")));
    }

    [Theory]
    [InlineData("--devices", "many")]
    [InlineData("--rate", "fast")]
    [InlineData("--api", "ftp://example.org")]
    public async Task Values_of_the_wrong_form_exit_with_2_and_name_the_option(string option, string value)
    {
        var console = new LoadConsole();

        var exit = await console.RunAsync(option, value, "--api-key", "k", "--csv", Path.Combine(folder, "form.csv"));

        Assert.Equal(2, exit);
        Assert.Contains(option, console.LastLine, StringComparison.Ordinal);
        Assert.Single(console.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Without_an_api_key_the_run_says_how_to_give_one()
    {
        var console = new LoadConsole();
        Environment.SetEnvironmentVariable("TWIN_API_KEY", null);

        var exit = await console.RunAsync("--devices", "1", "--csv", Path.Combine(folder, "nokey.csv"));

        Assert.Equal(2, exit);
        Assert.Contains("--api-key", console.LastLine, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static Dictionary<string, string> Row(string header, string line) =>
        header.Split(',').Zip(line.Split(',')).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
}
