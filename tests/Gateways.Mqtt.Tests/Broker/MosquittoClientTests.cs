using System.Diagnostics;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Broker;

/// <summary>Sanity check with a real third-party client (mosquitto_pub/sub), when installed.</summary>
public sealed class MosquittoClientTests
{
    private const string Pub = "/usr/bin/mosquitto_pub";
    private const string Sub = "/usr/bin/mosquitto_sub";

    [Theory]
    [InlineData("mqttv311", 1)]
    [InlineData("mqttv5", 2)]
    public async Task Mosquitto_clients_exchange_a_retained_message_through_the_endpoint(string version, int qos)
    {
        if (!File.Exists(Pub) || !File.Exists(Sub))
        {
            return;
        }

        await using var harness = await EndpointHarness.StartAsync();
        var port = harness.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var q = qos.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (pubExit, _) = await RunAsync(Pub, $"-h 127.0.0.1 -p {port} -V {version} -q {q} -r -t city/aq/1 -m 41.2");
        Assert.Equal(0, pubExit);
        var (subExit, text) = await RunAsync(Sub, $"-h 127.0.0.1 -p {port} -V {version} -q {q} -t city/# -C 1 -W 5 -v");
        Assert.Equal(0, subExit);
        Assert.Equal("city/aq/1 41.2", text.Trim());
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        return (process.ExitCode, await output);
    }
}
