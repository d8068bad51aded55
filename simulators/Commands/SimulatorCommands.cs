using System.CommandLine;
using Spectre.Console;
using SmartCity.Twin.Simulators.Running;

namespace SmartCity.Twin.Simulators.Commands;

/// <summary>The <c>simulators</c> command line: <c>run</c>, <c>scenario list|run</c>, <c>load</c>.</summary>
internal static class SimulatorCommands
{
    /// <summary>How long a command may take to stop after Ctrl+C before the process ends anyway.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    public static RootCommand Create(CommonOptions common)
    {
        ArgumentNullException.ThrowIfNull(common);
        var root = new RootCommand("SmartCity.Twin simulators: a living province, scripted drills with ground truth, and a load generator.");
        common.AddTo(root);
        root.Subcommands.Add(RunCommand.Create(common));
        root.Subcommands.Add(ScenarioCommand.Create(common));
        root.Subcommands.Add(LoadCommand.Create(common));
        root.Subcommands.Add(DetectCommand.Create(common));
        root.Subcommands.Add(EvaluateCommand.Create(common));
        return root;
    }

    public static Task<int> InvokeAsync(string[] args) => InvokeAsync(args, new CommonOptions(), CancellationToken.None);

    /// <summary>Runs <paramref name="args"/> writing to <paramref name="console"/> (the terminal when <c>null</c>).</summary>
    public static Task<int> InvokeAsync(string[] args, IAnsiConsole? console, CancellationToken cancellationToken) =>
        InvokeAsync(args, new CommonOptions(console), cancellationToken);

    /// <summary>
    /// Parses and runs <paramref name="args"/>. A command line with errors gets its first error as one line (no help
    /// dump) and <see cref="ExitCodes.BadUsage"/>; Ctrl+C cancels the running command, which then stops cleanly.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, CommonOptions common, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(common);
        var output = common.Console;
        var parsed = Create(common).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            output.MarkupLineInterpolated($"[red]{parsed.Errors[0].Message}[/] (see --help)");
            return ExitCodes.BadUsage;
        }

        using var writer = new AnsiConsoleWriter(output);
        var invocation = new InvocationConfiguration
        {
            Output = writer,
            Error = writer,
            EnableDefaultExceptionHandler = false,

            // Stopping cleanly (every device says offline, connections close, the summary prints) takes a moment.
            ProcessTerminationTimeout = StopTimeout,
        };
        try
        {
            return await parsed.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A fault of the simulators themselves: still one line, not a stack trace.
            output.MarkupLineInterpolated($"[red]The command failed: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}[/]");
            return ExitCodes.Failed;
        }
    }
}
