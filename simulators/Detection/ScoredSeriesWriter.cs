using System.Globalization;
using System.Text;
using SmartCity.Twin.Detectors;

namespace SmartCity.Twin.Simulators.Detection;

/// <summary>Writes <c>timestamp,value,anomaly_score,label</c>: the input row as given, the score in [0, 1], the decision as 0/1.</summary>
internal sealed class ScoredSeriesWriter : IDisposable
{
    public const string Header = "timestamp,value,anomaly_score,label";

    private readonly TextWriter writer;

    public ScoredSeriesWriter(TextWriter writer)
    {
        this.writer = writer;
        writer.Write(Header);
        writer.Write('\n');
    }

    public static ScoredSeriesWriter Create(string path) =>
        new(new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16));

    public void Write(SeriesPoint point, AnomalyScore score)
    {
        // A detector's score is in [0, 1] by contract; the file promises it, so a NaN or a rounding excursion is pinned.
        var clamped = double.IsNaN(score.Score) ? 0 : Math.Clamp(score.Score, 0, 1);
        writer.Write(point.Timestamp);
        writer.Write(',');
        writer.Write(point.ValueText);
        writer.Write(',');
        writer.Write(clamped.ToString("0.######", CultureInfo.InvariantCulture));
        writer.Write(score.IsAnomaly ? ",1\n" : ",0\n");
    }

    public void Dispose() => writer.Dispose();
}
