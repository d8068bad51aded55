using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Client;

/// <summary>
/// A real mosquitto 2 broker on a free loopback port, started with its own temporary config file and killed on dispose.
/// The client and bridge tests need a broker that is not ours, so a bug shared by our client and our endpoint cannot hide.
/// </summary>
internal sealed class MosquittoBroker : IAsyncDisposable
{
    private const string Executable = "/usr/sbin/mosquitto";

    private readonly string _directory;
    private readonly string _configPath;
    private Process? _process;

    private MosquittoBroker(int port, bool persistence)
    {
        Port = port;
        _directory = Directory.CreateTempSubdirectory("mosquitto-test-").FullName;
        _configPath = Path.Combine(_directory, "mosquitto.conf");
        // "user": started as root, mosquitto would otherwise switch to the mosquitto user, which cannot write its
        // persistence file into our temporary folder.
        var config = string.Create(CultureInfo.InvariantCulture, $"""
            listener {port} 127.0.0.1
            user {Environment.UserName}
            allow_anonymous true
            persistence {(persistence ? "true" : "false")}
            persistence_location {_directory}/
            log_dest stderr
            log_type error
            log_type warning
            max_queued_messages 10000

            """);
        File.WriteAllText(_configPath, config);
    }

    public int Port { get; }

    public static bool IsInstalled => File.Exists(Executable);

    /// <param name="persistence">Keep sessions and queued messages across <see cref="RestartAsync"/> (mosquitto saves them on SIGTERM).</param>
    public static async Task<MosquittoBroker> StartAsync(bool persistence = false)
    {
        // A port free a moment ago can be taken before mosquitto binds it (other test processes open thousands of
        // client connections on ephemeral ports): mosquitto then exits, and another port is tried.
        for (var attempt = 1; ; attempt++)
        {
            var broker = new MosquittoBroker(FreePort(), persistence);
            try
            {
                await broker.StartProcessAsync();
                return broker;
            }
            catch (InvalidOperationException) when (attempt < 5)
            {
                await broker.DisposeAsync();
            }
        }
    }

    /// <summary>Stops the broker: <paramref name="graceful"/> sends SIGTERM (mosquitto saves its persistence file), otherwise SIGKILL.</summary>
    public async Task StopAsync(bool graceful = true)
    {
        var process = _process;
        if (process is null)
        {
            return;
        }

        _process = null;
        if (!process.HasExited)
        {
            if (graceful)
            {
                using var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
                await term.WaitForExitAsync();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    await process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill();
                }
            }
            else
            {
                process.Kill();
            }

            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    /// <summary>Stops and starts the broker on the same port.</summary>
    public async Task RestartAsync(bool graceful = true)
    {
        await StopAsync(graceful);
        await StartProcessAsync();
    }

    /// <summary>Publishes with <c>mosquitto_pub</c>, a client that is not ours.</summary>
    public async Task PublishWithMosquittoPubAsync(string topic, string payload, int qos = 1, string? clientId = null)
    {
        var arguments = new List<string>
        {
            "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture),
            "-t", topic, "-m", payload, "-q", qos.ToString(CultureInfo.InvariantCulture), "-V", "mqttv311",
        };
        if (clientId is not null)
        {
            arguments.Add("-i");
            arguments.Add(clientId);
        }

        using var process = Process.Start(new ProcessStartInfo("/usr/bin/mosquitto_pub", arguments) { RedirectStandardError = true })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"mosquitto_pub exited with {process.ExitCode}: {error}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(graceful: false);
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private async Task StartProcessAsync()
    {
        var info = new ProcessStartInfo(Executable, ["-c", _configPath])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("mosquitto did not start");
        _process = process;

        // Drain its output so a chatty broker never blocks on a full pipe.
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited with {process.ExitCode} on port {Port}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);

                // Whoever answered must be our mosquitto, not a process that held the port while ours failed to bind.
                await Task.Delay(100);
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"mosquitto exited with {process.ExitCode} on port {Port}");
                }

                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
