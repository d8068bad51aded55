using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SmartCity.Twin.Benchmarks.Live;

/// <summary>
/// The silo as operators run it (<c>dotnet SmartCity.Twin.Silo.dll</c>, built with this project), on free loopback
/// ports with memory storage and no demo province: the live hub is measured with everything the silo composes.
/// </summary>
internal sealed class LiveSiloProcess : IAsyncDisposable
{
    public const string AdminKey = "live-benchmark-admin-key";

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly Lock gate = new();

    private LiveSiloProcess(Process process, int httpPort, int mqttPort)
    {
        this.process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}/");
        MqttPort = mqttPort;
    }

    public Uri BaseAddress { get; }

    public int MqttPort { get; }

    public int ProcessId => process.Id;

    public string OutputTail
    {
        get
        {
            lock (gate)
            {
                var text = output.ToString();
                return text.Length > 4000 ? text[^4000..] : text;
            }
        }
    }

    public static async Task<LiveSiloProcess> StartAsync(double? maxPushesPerSecond)
    {
        var httpPort = FreePort();
        var mqttPort = FreePort();
        var dataPath = Path.Combine(Path.GetTempPath(), "twin-live-benchmark-" + Guid.NewGuid().ToString("N"));
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "SmartCity.Twin.Silo.dll"),
            "--urls", $"http://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}",
            "--Storage:Provider", "memory", "--Storage:Path", dataPath,
            "--Demo:Enabled", "false", "--Auth:AdminKey", AdminKey,
            "--Mqtt:Port", mqttPort.ToString(CultureInfo.InvariantCulture), "--Mqtt:TlsPort", "-1",
            "--Logging:LogLevel:Default", "Warning",
        })
        {
            info.ArgumentList.Add(argument);
        }

        if (maxPushesPerSecond is { } pushes)
        {
            info.ArgumentList.Add("--Live:MaxPushesPerSecond");
            info.ArgumentList.Add(pushes.ToString(CultureInfo.InvariantCulture));
        }

        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        info.Environment.Remove("DOTNET_ENVIRONMENT");
        var process = new Process { StartInfo = info };
        var silo = new LiveSiloProcess(process, httpPort, mqttPort);
        process.OutputDataReceived += (_, e) => silo.Append(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await silo.WaitUntilHealthyAsync();
        return silo;
    }

    /// <summary>CPU time the silo process used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The silo exited with code {process.ExitCode}.\n{OutputTail}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative));
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

        throw new TimeoutException($"The silo was not healthy within 90 s.\n{OutputTail}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
