using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SmartCity.Twin.Benchmarks.Mqtt;

/// <summary>The baseline: a mosquitto 2 process on a free loopback port, with a temporary config, killed on dispose.</summary>
internal sealed class MosquittoServer : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/mosquitto";

    private readonly string _directory;
    private readonly Process _process;

    private MosquittoServer(int port, string directory, Process process)
    {
        Port = port;
        _directory = directory;
        _process = process;
    }

    public int Port { get; }

    public int ProcessId => _process.Id;

    public static bool IsInstalled => File.Exists(Executable);

    public static async Task<MosquittoServer> StartAsync()
    {
        var port = FreePort();
        var directory = Directory.CreateTempSubdirectory("mosquitto-bench-").FullName;
        var config = Path.Combine(directory, "mosquitto.conf");

        // max_connections -1: unlimited. max_inflight_messages 1000 instead of the default 20: with 20 unacknowledged
        // QoS 1 messages at a time, the one subscriber's round trips, not mosquitto, would set the QoS 1 baseline.
        // max_queued_messages: what mosquitto queues for that subscriber before dropping.
        await File.WriteAllTextAsync(config, string.Create(CultureInfo.InvariantCulture, $"""
            listener {port} 127.0.0.1
            allow_anonymous true
            persistence false
            max_connections -1
            max_inflight_messages 1000
            max_queued_messages 100000
            log_dest stderr
            log_type error

            """));
        var process = Process.Start(new ProcessStartInfo(Executable, ["-c", config])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("mosquitto did not start");
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("mosquitto: " + e.Data);
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        var server = new MosquittoServer(port, directory, process);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Resident set of the mosquitto process (VmRSS), for the idle-connection comparison.</summary>
    public long ResidentBytes() => ProcessMemory.ResidentBytes(_process.Id);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
