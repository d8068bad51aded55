using SmartCity.Twin.Simulators.Commands;
using Spectre.Console;

namespace SmartCity.Twin.Simulators.Tests.Load;

/// <summary>Runs <c>load</c> as the command line does, recording what it writes (no terminal: plain text).</summary>
internal sealed class LoadConsole
{
    private readonly StringWriter output = new();

    public string Output => output.ToString();

    /// <summary>The last line written: where a failure or usage error is said.</summary>
    public string LastLine => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];

    public Task<int> RunAsync(params string[] args)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        return SimulatorCommands.InvokeAsync(["load", .. args], console, CancellationToken.None);
    }
}
