using System.CommandLine;
using System.Diagnostics;
using SmartCity.Twin.Detectors;
using SmartCity.Twin.Simulators.Detection;
using SmartCity.Twin.Simulators.Running;
using Spectre.Console;

namespace SmartCity.Twin.Simulators.Commands;

/// <summary>
/// `detect --input FILE|FOLDER --output FOLDER`: the default streaming detector over <c>timestamp,value</c> series, one
/// scored copy per input (<c>timestamp,value,anomaly_score,label</c>) at the same relative path. A file that cannot be
/// read is named with its line and skipped; the others are still scored, and the exit code is then 1.
/// </summary>
internal static class DetectCommand
{
    public static Command Create(CommonOptions common)
    {
        ArgumentNullException.ThrowIfNull(common);
        var input = new Option<string>("--input") { Description = "A timestamp,value CSV file, or a folder walked recursively for *.csv", Required = true };
        var output = new Option<string>("--output") { Description = "The folder the scored copies go to, at the inputs' relative paths", Required = true };
        var command = new Command("detect", "Scores timestamp,value series with the default streaming anomaly detector: timestamp,value,anomaly_score,label.");
        command.Options.Add(input);
        command.Options.Add(output);
        command.SetAction(result => Run(common.Console, result.GetValue(input)!, result.GetValue(output)!));
        return command;
    }

    private static int Run(IAnsiConsole console, string input, string output)
    {
        IReadOnlyList<SeriesFile> files;
        try
        {
            files = Resolve(input, output);
        }
        catch (UsageException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return ExitCodes.BadUsage;
        }

        var failed = 0;
        long rows = 0;
        var clock = Stopwatch.StartNew();
        foreach (var file in files)
        {
            var name = Path.Combine(input, file.RelativePath);
            if (File.Exists(input))
            {
                name = input;
            }

            try
            {
                var done = SeriesDetection.Run(file, name, DefaultDetector.Create());
                rows += done.Rows;
                console.MarkupLineInterpolated($"{name}: {done.Rows:N0} rows, {done.Anomalies:N0} anomalies → {file.OutputPath}");
            }
            catch (SeriesFormatException e)
            {
                failed++;
                console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failed++;
                console.MarkupLineInterpolated($"[red]{name}: {e.Message.ReplaceLineEndings(" ")}[/]");
            }
        }

        console.MarkupLineInterpolated(
            $"{files.Count - failed} of {files.Count} series scored ({rows:N0} rows in {clock.Elapsed.TotalSeconds:0.00} s){(failed > 0 ? $"; {failed} could not be read" : string.Empty)}.");
        return failed > 0 ? ExitCodes.Failed : ExitCodes.Succeeded;
    }

    private static IReadOnlyList<SeriesFile> Resolve(string input, string output)
    {
        if (!File.Exists(input) && !Directory.Exists(input))
        {
            throw new UsageException($"--input '{input}': no such file or folder.");
        }

        if (File.Exists(output))
        {
            throw new UsageException($"--output '{output}' is a file; give a folder.");
        }

        if (Directory.Exists(input) && string.Equals(Path.GetFullPath(input).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
        {
            throw new UsageException($"--output '{output}' is the input folder; give another one so the series are not overwritten.");
        }

        try
        {
            var files = SeriesDetection.Find(input, output);
            return files.Count > 0 ? files : throw new UsageException($"--input '{input}' holds no .csv file.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--input '{input}': {e.Message.ReplaceLineEndings(" ")}", e);
        }
    }
}
