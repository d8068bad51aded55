using SmartCity.Twin.Simulation.Labelled;

namespace SmartCity.Twin.Simulators.Tests.Detection;

/// <summary>A temporary folder of input series and one for the results, removed after the test.</summary>
internal sealed class SeriesFolder : IDisposable
{
    public SeriesFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "detect-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Input);
    }

    public string Root { get; }

    public string Input => Path.Combine(Root, "in");

    public string Output => Path.Combine(Root, "out");

    /// <summary>Writes a labelled series' <c>timestamp,value</c> at <paramref name="relativePath"/> under the input folder.</summary>
    public LabelledSeries Add(string relativePath, LabelledSeriesKind kind, int seed, int points, params InjectedAnomalyKind[] anomalies)
    {
        var series = LabelledSeries.Generate(kind, seed, points, TimeSpan.FromMinutes(5), anomalies.Length == 0 ? null : new LabelledSeriesOptions { Kinds = anomalies });
        var path = Path.Combine(Input, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var writer = new StreamWriter(path);
        series.WriteCsv(writer);
        return series;
    }

    public string AddText(string relativePath, string text)
    {
        var path = Path.Combine(Input, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
