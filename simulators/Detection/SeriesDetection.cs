using SmartCity.Twin.Detectors;

namespace SmartCity.Twin.Simulators.Detection;

/// <summary>
/// Runs a fresh detector over each series file, streaming: one row read, scored and written at a time, so a file of any
/// size takes constant memory. The scored copy is written next to its final name and moved there only when the whole
/// input was read, so a file with a bad row leaves no half-written result behind.
/// </summary>
internal static class SeriesDetection
{
    /// <summary>The series under <paramref name="input"/> (a file, or a folder walked recursively for <c>*.csv</c>), each mapped under <paramref name="output"/>.</summary>
    public static IReadOnlyList<SeriesFile> Find(string input, string output)
    {
        var outputRoot = Path.GetFullPath(output);
        if (File.Exists(input))
        {
            return [new SeriesFile(input, Path.GetFileName(input), Path.Combine(outputRoot, Path.GetFileName(input)))];
        }

        var root = Path.GetFullPath(input);

        // Listed before anything is written: an output folder inside the input folder must not feed results back in.
        return Directory.EnumerateFiles(root, "*.csv", new EnumerationOptions { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseInsensitive })
            .Where(path => !IsUnder(path, outputRoot) || IsUnder(root, outputRoot))
            .Select(path => Path.GetRelativePath(root, path))
            .Order(StringComparer.Ordinal)
            .Select(relative => new SeriesFile(Path.Combine(root, relative), relative, Path.Combine(outputRoot, relative)))
            .ToList();
    }

    /// <summary>Scores one file with <paramref name="detector"/>; throws <see cref="SeriesFormatException"/> on a bad row.</summary>
    /// <param name="name">How messages name the input file.</param>
    public static SeriesDetectionResult Run(SeriesFile file, string name, IStreamingDetector detector)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(detector);
        Directory.CreateDirectory(Path.GetDirectoryName(file.OutputPath)!);
        var partial = file.OutputPath + ".partial";
        long rows = 0, anomalies = 0;
        try
        {
            using (var reader = SeriesReader.Open(file.InputPath, name))
            using (var writer = ScoredSeriesWriter.Create(partial))
            {
                while (reader.TryRead(out var point))
                {
                    var score = detector.Next(point.Value);
                    writer.Write(point, score);
                    rows++;
                    if (score.IsAnomaly)
                    {
                        anomalies++;
                    }
                }
            }

            File.Move(partial, file.OutputPath, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }

        return new SeriesDetectionResult(file.InputPath, file.OutputPath, rows, anomalies);
    }

    private static bool IsUnder(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }
}
