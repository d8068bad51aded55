using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace SmartCity.Twin.Silo.Tests;

/// <summary>
/// The real silo as a child process, started the way an operator starts the built program:
/// <c>dotnet SmartCity.Twin.Silo.dll --urls ... --Storage:Path ...</c>.
/// </summary>
internal sealed partial class SiloProcess : IAsyncDisposable
{
    public const int SigInt = 2;

    public const int SigTerm = 15;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _outputGate = new();

    private SiloProcess(Process process, Uri baseAddress, Func<string?> adminKey)
    {
        _process = process;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        AdminHttp = new HttpClient(new AdminKeyHandler(adminKey)) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    /// <summary>Anonymous: the API answers 401 except for health and documentation.</summary>
    public HttpClient Http { get; }

    /// <summary>Sends the silo's admin key: the configured one, else the one it generated in its data folder.</summary>
    public HttpClient AdminHttp { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the silo wrote to stdout and stderr so far, for assertions and failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_outputGate)
            {
                return _output.ToString();
            }
        }
    }

    public static string SiloAssemblyPath { get; } = Path.Combine(AppContext.BaseDirectory, "SmartCity.Twin.Silo.dll");

    /// <summary>
    /// Starts the silo on free loopback ports (HTTP, and MQTT as <see cref="MqttPort"/>: silos of parallel tests must
    /// not all claim 1883) with the given data folder and extra arguments.
    /// </summary>
    public static SiloProcess Start(string dataPath, params string[] extraArguments)
    {
        var port = FreePort();
        var mqttPort = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var arguments = new List<string>
        {
            SiloAssemblyPath,
            "--urls", $"http://127.0.0.1:{port}",
            "--Storage:Path", dataPath,
            "--Mqtt:Port", mqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        arguments.AddRange(extraArguments);
        var configuredKey = extraArguments.SkipWhile(a => a != "--Auth:AdminKey").Skip(1).FirstOrDefault();
        var keyFile = Path.Combine(dataPath, "admin-key");
        var silo = StartRaw(arguments, baseAddress, () => configuredKey ?? (File.Exists(keyFile) ? File.ReadAllText(keyFile).Trim() : null));
        silo.MqttPort = mqttPort;
        return silo;
    }

    /// <summary>The port the silo serves MQTT on.</summary>
    public int MqttPort { get; private set; }

    /// <summary>Same as <see cref="Start"/>; says at the call site that the test speaks MQTT.</summary>
    public static SiloProcess StartWithMqtt(string dataPath, params string[] extraArguments) => Start(dataPath, extraArguments);

    /// <summary>Starts the silo with exactly these arguments (after the assembly path).</summary>
    public static SiloProcess StartWithArguments(params string[] arguments)
        => StartRaw([SiloAssemblyPath, .. arguments], new Uri("http://127.0.0.1:1/"), () => null);

    private static SiloProcess StartRaw(IEnumerable<string> arguments, Uri baseAddress, Func<string?> adminKey)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // The test host's own settings must not leak into the silo under test.
        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        info.Environment.Remove("DOTNET_ENVIRONMENT");
        info.Environment["DOTNET_NOLOGO"] = "1";

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var silo = new SiloProcess(process, baseAddress, adminKey);
        process.OutputDataReceived += (_, e) => silo.Append(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>Polls <c>/healthz</c> until it answers 200; fails with the silo's output if it exits or takes too long.</summary>
    public async Task WaitUntilHealthyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The silo exited with code {_process.ExitCode} before it was healthy.\n{Output}");
            }

            try
            {
                using var response = await Http.GetAsync(new Uri("healthz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The silo was not healthy within {StartTimeout}.\n{Output}");
    }

    /// <summary>Sends a signal to the silo process: <see cref="SigInt"/> as a terminal's Ctrl+C, <see cref="SigTerm"/> as a service manager.</summary>
    public void SendSignal(int signal)
    {
        if (kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Waits for the process to exit and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The silo did not exit within {timeout}.\n{Output}");
        }

        return _process.ExitCode;
    }

    /// <summary>Ctrl+C (or another signal), then the exit code.</summary>
    public async Task<int> StopAsync(int signal = SigInt)
    {
        SendSignal(signal);
        return await WaitForExitAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        AdminHttp.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_outputGate)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>
    /// A free port below Linux's ephemeral range (32768–60999): a port the kernel handed out as ephemeral can be taken by
    /// any outgoing connection of the parallel tests between this check and the silo's bind, which CI saw once.
    /// </summary>
    internal static int FreePort()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var candidate = Random.Shared.Next(20_000, 32_000);
            try
            {
                using var probe = new TcpListener(IPAddress.Loopback, candidate);
                probe.Start();
                return candidate;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);
}
