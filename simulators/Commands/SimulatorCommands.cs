using System.CommandLine;

namespace SmartCity.Twin.Simulators.Commands;

/// <summary>The <c>simulators</c> command line: <c>run</c>, <c>scenario list|run</c>, <c>load</c>.</summary>
internal static class SimulatorCommands
{
    public static RootCommand Create()
    {
        var common = new CommonOptions();
        var root = new RootCommand("SmartCity.Twin simulators: a living province, scripted drills with ground truth, and a load generator.");
        common.AddTo(root);
        root.Subcommands.Add(RunCommand.Create(common));
        root.Subcommands.Add(ScenarioCommand.Create(common));
        root.Subcommands.Add(LoadCommand.Create(common));
        return root;
    }

    public static Task<int> InvokeAsync(string[] args) => Create().Parse(args).InvokeAsync();
}
