using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace SmartCity.Twin.Benchmarks.Mqtt;

/// <summary>The parent's handle on a <see cref="MqttLoadGenerator"/> child process.</summary>
internal sealed class MqttLoadProcess : IAsyncDisposable
{
    private readonly Process _process;

    private MqttLoadProcess(Process process) => _process = process;

    public int ProcessId => _process.Id;

    /// <summary>Starts the child and returns once all its connections completed CONNECT.</summary>
    public static async Task<MqttLoadProcess> StartAsync(int port, int connections, int qos, int window, byte protocolLevel, bool idle)
    {
        // The same executable in its "mqtt-load" mode; under `dotnet x.dll` the dll path comes first.
        var processPath = Environment.ProcessPath ?? "dotnet";
        var info = new ProcessStartInfo(processPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(processPath) == "dotnet")
        {
            info.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var argument in (string[])["mqtt-load", "--port", Str(port), "--connections", Str(connections), "--qos", Str(qos),
                     "--window", Str(window), "--protocol", Str(protocolLevel)])
        {
            info.ArgumentList.Add(argument);
        }

        if (idle)
        {
            info.ArgumentList.Add("--idle");
        }

        var load = new MqttLoadProcess(Process.Start(info) ?? throw new InvalidOperationException("the load process did not start"));
        var line = await load._process.StandardOutput.ReadLineAsync()
            ?? throw new InvalidOperationException($"the load process exited ({load._process.ExitCode}) before connecting");
        if (!line.StartsWith("connected ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the load process said: " + line);
        }

        return load;
    }

    /// <summary>Stops publishing; returns the child's own counts (published, acknowledged, failed).</summary>
    public async Task<(long Published, long Acknowledged, long Failed)> StopAsync()
    {
        await _process.StandardInput.WriteLineAsync("stop");
        await _process.StandardInput.FlushAsync();
        var line = await _process.StandardOutput.ReadLineAsync() ?? "done 0 0 0";
        var parts = line.Split(' ');
        await _process.WaitForExitAsync();
        return (long.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture), long.Parse(parts[3], CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);
}
