using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SmartCity.Twin.Silo.Tests.Mqtt;

/// <summary>
/// A device written with mqtt.js (npm <c>mqtt</c>), the client most Node-based field gateways use:
/// <c>clients/node/device.js</c>. It reports MQTT 5 reason codes of every PUBACK and SUBACK it gets.
/// </summary>
internal sealed class MqttJsDevice : IAsyncDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(30);

    private readonly ClientProcess _process;

    private MqttJsDevice(ClientProcess process) => _process = process;

    /// <summary>What the device printed so far (JSON lines), for assertions and failure messages.</summary>
    public IReadOnlyList<string> OutputLines => _process.OutputLines;

    public static JsonObject Publish(string topic, string payload, int qos = 1)
        => new() { ["publish"] = topic, ["payload"] = payload, ["qos"] = qos };

    public static JsonObject Subscribe(string topicFilter, int qos = 1)
        => new() { ["subscribe"] = topicFilter, ["qos"] = qos };

    /// <summary>
    /// Connects (MQTT 5 unless <paramref name="protocolVersion"/> is 4), runs <paramref name="steps"/> one after the other
    /// and returns the JSON line printed for the connection and for each step.
    /// </summary>
    public static async Task<IReadOnlyList<JsonElement>> RunStepsAsync(
        int port, ProvisionedDevice device, int protocolVersion, params JsonObject[] steps)
    {
        var options = Options(port, device, protocolVersion);
        options["mode"] = "steps";
        options["steps"] = new JsonArray([.. steps]);
        var result = await ClientProcess.RunAsync("node", [ClientScripts.MqttJsDevice, options.ToJsonString()], RunTimeout, ClientScripts.NodeEnvironment());
        var lines = result.StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();
        Assert.True(result.ExitCode == 0, $"mqtt.js device failed: {result}");
        Assert.True(lines.Count == steps.Length + 1, $"expected a line per step: {result}");
        return lines;
    }

    /// <summary>Only connects (and disconnects) and returns the connection line: its <c>reasonCode</c> is the CONNACK's.</summary>
    public static async Task<JsonElement> ConnectAsync(int port, ProvisionedDevice device, int protocolVersion)
    {
        var options = Options(port, device, protocolVersion);
        options["mode"] = "steps";
        var result = await ClientProcess.RunAsync("node", [ClientScripts.MqttJsDevice, options.ToJsonString()], RunTimeout, ClientScripts.NodeEnvironment());
        var line = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        Assert.True(line is not null && line.Contains("\"step\":\"connect\"", StringComparison.Ordinal), $"mqtt.js printed no connection result: {result}");
        return JsonDocument.Parse(line).RootElement.Clone();
    }

    /// <summary>
    /// Starts a device that subscribes to its <c>cmd/#</c> and answers every command on the command's Response Topic with
    /// its Correlation Data; returns once the subscription is acknowledged.
    /// </summary>
    public static async Task<MqttJsDevice> StartResponderAsync(int port, ProvisionedDevice device)
    {
        var options = Options(port, device, 5);
        options["mode"] = "respond";
        options["kind"] = device.Kind;
        options["deviceId"] = device.Id;
        var process = ClientProcess.Start("node", [ClientScripts.MqttJsDevice, options.ToJsonString()], ClientScripts.NodeEnvironment());
        var responder = new MqttJsDevice(process);
        try
        {
            var ready = await process.WaitForLineAsync(line => line.Contains("\"event\":\"ready\"", StringComparison.Ordinal), RunTimeout);
            var codes = JsonDocument.Parse(ready).RootElement.GetProperty("reasonCodes").EnumerateArray().Select(c => c.GetInt32()).ToList();
            Assert.True(codes is [1], $"the device's subscription to its own cmd/# should be granted QoS 1: {process.Snapshot()}");
            return responder;
        }
        catch
        {
            await responder.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits for the device to have replied to a command and returns the line describing the command it got.</summary>
    public async Task<JsonElement> WaitForCommandAsync(TimeSpan timeout)
    {
        var line = await _process.WaitForLineAsync(l => l.Contains("\"event\":\"command\"", StringComparison.Ordinal), timeout);
        await _process.WaitForLineAsync(l => l.Contains("\"event\":\"replied\"", StringComparison.Ordinal), timeout);
        return JsonDocument.Parse(line).RootElement.Clone();
    }

    public string Snapshot() => _process.Snapshot();

    public async ValueTask DisposeAsync()
    {
        _process.CloseInput();
        await _process.DisposeAsync();
    }

    private static JsonObject Options(int port, ProvisionedDevice device, int protocolVersion) => new()
    {
        ["url"] = $"mqtt://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
        ["clientId"] = $"mqttjs-{Guid.NewGuid():N}"[..23],
        ["username"] = device.Username,
        ["password"] = device.Password,
        ["protocolVersion"] = protocolVersion,
    };
}
