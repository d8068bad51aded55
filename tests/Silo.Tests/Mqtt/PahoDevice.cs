using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SmartCity.Twin.Silo.Tests.Mqtt;

/// <summary>
/// A device written with Eclipse Paho for Python (Debian python3-paho-mqtt 1.6), MQTT 3.1.1:
/// <c>clients/paho_device.py</c>, run with Debian's <c>/usr/bin/python3</c>.
/// </summary>
internal sealed class PahoDevice : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(20);

    private readonly ClientProcess _process;

    private PahoDevice(ClientProcess process) => _process = process;

    public int ProcessId => _process.ProcessId;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Connects with a Will of <c>offline</c> on its <c>status</c> topic (QoS 1, retained) and keep-alive
    /// <paramref name="keepAliveSeconds"/>, publishes <c>online</c> (retained) and <paramref name="telemetry"/> with QoS 1,
    /// and returns once both are acknowledged. The device then stays connected until killed; when
    /// <paramref name="fallSilent"/>, it keeps the socket open but stops sending anything, PINGREQ included.
    /// </summary>
    public static Task<PahoDevice> StartWithWillAsync(int port, ProvisionedDevice device, int keepAliveSeconds, string telemetry, bool fallSilent = false)
    {
        var options = Options(port, device.Username, device.Password, keepAliveSeconds);
        options["silent"] = fallSilent;
        options["mode"] = "will";
        options["kind"] = device.Kind;
        options["deviceId"] = device.Id;
        options["telemetry"] = telemetry;
        return StartAsync(options, "\"event\": \"ready\"");
    }

    /// <summary>
    /// Connects as a ThingsBoard device (username = access token, no password), subscribes to
    /// <c>v1/devices/me/rpc/request/+</c> and answers every RPC on <c>v1/devices/me/rpc/response/{n}</c>.
    /// </summary>
    public static Task<PahoDevice> StartThingsBoardRpcAsync(int port, ProvisionedDevice device)
    {
        var options = Options(port, device.AccessToken, password: null, keepAliveSeconds: 30);
        options["mode"] = "thingsboard-rpc";
        return StartAsync(options, "\"event\": \"ready\"");
    }

    /// <summary>Waits for the device to have received an RPC request and returns that line.</summary>
    public async Task<JsonElement> WaitForRpcAsync(TimeSpan timeout)
    {
        var line = await _process.WaitForLineAsync(l => l.Contains("\"event\": \"rpc\"", StringComparison.Ordinal), timeout);
        return JsonDocument.Parse(line).RootElement.Clone();
    }

    /// <summary>SIGKILL: the process dies without sending DISCONNECT, so the broker must publish its Will.</summary>
    public void Kill() => _process.Kill();

    public string Snapshot() => _process.Snapshot();

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static async Task<PahoDevice> StartAsync(JsonObject options, string readyMarker)
    {
        var process = ClientProcess.Start(ClientScripts.Python, [ClientScripts.PahoDevice, options.ToJsonString()]);
        var device = new PahoDevice(process);
        try
        {
            var ready = await process.WaitForLineAsync(line => line.Contains(readyMarker, StringComparison.Ordinal), ReadyTimeout);
            Assert.DoesNotContain("false", ready, StringComparison.Ordinal);
            return device;
        }
        catch
        {
            await device.DisposeAsync();
            throw;
        }
    }

    private static JsonObject Options(int port, string username, string? password, int keepAliveSeconds) => new()
    {
        ["host"] = "127.0.0.1",
        ["port"] = port.ToString(CultureInfo.InvariantCulture),
        ["clientId"] = $"paho-{Guid.NewGuid():N}"[..23],
        ["username"] = username,
        ["password"] = password,
        ["keepalive"] = keepAliveSeconds,
    };
}
