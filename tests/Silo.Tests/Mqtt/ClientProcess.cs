using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace SmartCity.Twin.Silo.Tests.Mqtt;

/// <summary>
/// A third-party MQTT client (mosquitto_pub, a paho or mqtt.js script) as a child process: its output lines as they
/// come, waiting for one, killing it like a crash (SIGKILL), or running it to completion.
/// </summary>
internal sealed class ClientProcess : IAsyncDisposable
{
    public const string InstallHint = "Install the MQTT interop clients with: bash scripts/mqtt-clients.sh";

    private readonly Process _process;
    private readonly List<string> _stdout = [];
    private readonly StringBuilder _stderr = new();
    private readonly Lock _gate = new();

    private ClientProcess(Process process) => _process = process;

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public IReadOnlyList<string> OutputLines
    {
        get
        {
            lock (_gate)
            {
                return [.. _stdout];
            }
        }
    }

    public string StandardError
    {
        get
        {
            lock (_gate)
            {
                return _stderr.ToString();
            }
        }
    }

    public static ClientProcess Start(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
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

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var client = new ClientProcess(process);
        process.OutputDataReceived += (_, e) => client.AppendOutput(e.Data);
        process.ErrorDataReceived += (_, e) => client.AppendError(e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException($"Cannot start '{fileName}': {e.Message}. {InstallHint}", e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return client;
    }

    /// <summary>Runs the client to completion; kills it and fails if it takes longer than <paramref name="timeout"/>.</summary>
    public static async Task<ClientProcessResult> RunAsync(
        string fileName, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        await using var client = Start(fileName, arguments, environment);
        client._process.StandardInput.Close();
        return await client.WaitForExitAsync(timeout);
    }

    public async Task<ClientProcessResult> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"{Describe()} did not exit within {timeout}.\n{Snapshot()}");
        }

        // WaitForExitAsync also waits for the redirected streams to reach their end.
        return new ClientProcessResult(_process.ExitCode, string.Join('\n', OutputLines), StandardError);
    }

    /// <summary>Waits for an output line that <paramref name="match"/> accepts and returns it.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var seen = 0;
        while (true)
        {
            var lines = OutputLines;
            for (; seen < lines.Count; seen++)
            {
                if (match(lines[seen]))
                {
                    return lines[seen];
                }
            }

            if (_process.HasExited)
            {
                // Let the last buffered lines arrive before giving up.
                await _process.WaitForExitAsync();
                if (OutputLines.Count > seen)
                {
                    continue;
                }

                throw new InvalidOperationException($"{Describe()} exited (code {_process.ExitCode}) before printing the expected line (a missing client? {InstallHint}).\n{Snapshot()}");
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{Describe()} did not print the expected line within {timeout}.\n{Snapshot()}");
            }

            await Task.Delay(25);
        }
    }

    /// <summary>Closes the client's standard input (scripts that wait on it end gracefully).</summary>
    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>SIGKILL, like a crash or a pulled plug: the client sends no DISCONNECT.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    public string Snapshot() => $"stdout:\n{string.Join('\n', OutputLines)}\nstderr:\n{StandardError}";

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private string Describe() => $"'{_process.StartInfo.FileName} {string.Join(' ', _process.StartInfo.ArgumentList)}'";

    private void AppendOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _stdout.Add(line);
        }
    }

    private void AppendError(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _stderr.AppendLine(line);
        }
    }
}
