using SmartCity.Twin.Simulators.Commands;
using Spectre.Console;

namespace SmartCity.Twin.Simulators.Tests.Commands;

/// <summary>
/// Runs the simulators' command line as a user would, recording what it writes (no terminal: plain text, as in CI), with
/// its own environment variables so a TWIN_API_KEY on the machine does not leak in.
/// </summary>
internal sealed class CliConsole
{
    private readonly StringWriter output = new();
    private readonly Dictionary<string, string> environment = new(StringComparer.Ordinal);

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>The lines written, trimmed, without empty ones.</summary>
    public IReadOnlyList<string> Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public CliConsole WithEnvironment(string name, string value)
    {
        environment[name] = value;
        return this;
    }

    public Task<int> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);

    public Task<int> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(TextWriter.Synchronized(output)),
        });
        console.Profile.Width = 1_000;
        return SimulatorCommands.InvokeAsync(args, new CommonOptions(console, name => environment.GetValueOrDefault(name)), cancellationToken);
    }
}
