using System.CommandLine;
using Spectre.Console;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Simulators.Running;

namespace SmartCity.Twin.Simulators.Commands;

/// <summary>`run`.</summary>
internal static class RunCommand
{
    public static Command Create(CommonOptions common)
    {
        ArgumentNullException.ThrowIfNull(common);
        var command = new Command("run", "Simulates a province: provisions its devices through the API and sends what they measure over MQTT and HTTP.");
        var options = new RunOptions();
        options.AddTo(command);
        command.SetAction((result, cancellationToken) => RunAsync(result, options, common, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, RunOptions options, CommonOptions common, CancellationToken cancellationToken)
    {
        var console = common.Console;
        try
        {
            var province = options.ReadProvince(result);
            var settings = options.ReadSettings(result, common);
            if (options.UsesShippedBoundaries(result))
            {
                console.MarkupLineInterpolated($"[grey]{ProvinceMap.Attribution}[/]");
            }

            return await ProvinceRun.RunAsync(province, [], settings, console, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return ExitCodes.BadUsage;
        }
    }
}
