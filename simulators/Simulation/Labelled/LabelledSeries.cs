using System.Globalization;
using SmartCity.Twin.Simulation.Signals;

namespace SmartCity.Twin.Simulation.Labelled;

/// <summary>
/// A synthetic sensor series with known anomalies: what detectors are scored against. The same kind, seed, length,
/// interval and options always give the same series.
/// </summary>
internal sealed class LabelledSeries
{
    private const int MinimumGap = 50;

    private LabelledSeries(LabelledSeriesKind kind, int seed, TimeSpan interval, DateTimeOffset[] timestamps, double[] values, bool[] labels, IReadOnlyList<AnomalyWindow> windows, double noiseScale)
    {
        Kind = kind;
        Seed = seed;
        Interval = interval;
        Timestamps = timestamps;
        Values = values;
        Labels = labels;
        Windows = windows;
        NoiseScale = noiseScale;
    }

    public LabelledSeriesKind Kind { get; }

    public int Seed { get; }

    public TimeSpan Interval { get; }

    public DateTimeOffset[] Timestamps { get; }

    public double[] Values { get; }

    /// <summary>True for every point inside an injected anomaly.</summary>
    public bool[] Labels { get; }

    /// <summary>The injected anomalies in time order; they never overlap and are at least 50 points apart.</summary>
    public IReadOnlyList<AnomalyWindow> Windows { get; }

    /// <summary>The size of normal variation the anomalies were scaled by, in the series' unit.</summary>
    public double NoiseScale { get; }

    /// <summary>
    /// Generates <paramref name="points"/> points <paramref name="interval"/> apart, then injects anomalies after the
    /// clean lead-in at random non-overlapping places.
    /// </summary>
    public static LabelledSeries Generate(LabelledSeriesKind kind, int seed, int points, TimeSpan interval, LabelledSeriesOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(points);
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The sampling interval must be positive.");
        }

        options ??= new LabelledSeriesOptions();
        if (options.Kinds.Count == 0)
        {
            throw new ArgumentException("At least one anomaly kind must be allowed.", nameof(options));
        }

        // HashCode.Combine is randomised per process; the series must be the same in every run.
        var random = new Random(unchecked((seed * 397) ^ (((int)kind + 1) * 7919)));
        var signal = new LabelledSignal(kind, random, interval);
        var timestamps = new DateTimeOffset[points];
        var values = new double[points];
        for (var i = 0; i < points; i++)
        {
            timestamps[i] = options.Start + (interval * i);
            values[i] = signal.Next(timestamps[i]);
        }

        var labels = new bool[points];
        var windows = new List<AnomalyWindow>();
        var wanted = (int)Math.Round(options.AnomaliesPer1000Points * points / 1000.0);
        for (var attempt = 0; windows.Count < wanted && attempt < wanted * 20; attempt++)
        {
            var anomaly = options.Kinds[random.Next(options.Kinds.Count)];
            var length = LengthOf(anomaly, random);
            var start = random.Next(options.CleanLeadPoints, Math.Max(options.CleanLeadPoints, points - length));
            if (start + length > points || Overlaps(windows, start, start + length) || !Visible(anomaly, values, start, length, signal.NoiseScale))
            {
                continue;
            }

            Inject(anomaly, values, start, length, signal, random);
            Array.Fill(labels, true, start, length);
            windows.Add(new AnomalyWindow(anomaly, start, start + length, timestamps[start], timestamps[start + length - 1]));
        }

        windows.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new LabelledSeries(kind, seed, interval, timestamps, values, labels, windows, signal.NoiseScale);
    }

    /// <summary>Writes <c>timestamp,value</c> (and <c>,label</c> when asked) with a header row: the <c>detect</c> command's input format.</summary>
    public void WriteCsv(TextWriter writer, bool withLabels = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(withLabels ? "timestamp,value,label" : "timestamp,value");
        for (var i = 0; i < Values.Length; i++)
        {
            writer.Write(Timestamps[i].UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(Values[i].ToString("R", CultureInfo.InvariantCulture));
            if (withLabels)
            {
                writer.Write(Labels[i] ? ",1" : ",0");
            }

            writer.WriteLine();
        }
    }

    private static int LengthOf(InjectedAnomalyKind anomaly, Random random) => anomaly switch
    {
        InjectedAnomalyKind.Spike or InjectedAnomalyKind.Dip => random.Next(1, 4),
        InjectedAnomalyKind.LevelShift => random.Next(30, 151),
        InjectedAnomalyKind.Drift => random.Next(60, 201),
        _ => random.Next(24, 97),
    };

    private static bool Overlaps(List<AnomalyWindow> windows, int start, int end)
    {
        foreach (var window in windows)
        {
            if (start < window.End + MinimumGap && window.Start < end + MinimumGap)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Rejects places where the anomaly could not show: a dip needs room above the floor, a stuck value must differ from
    /// what the sensor would have said (a counter stuck at 0 on a closed night looks exactly normal).
    /// </summary>
    private static bool Visible(InjectedAnomalyKind anomaly, double[] values, int start, int length, double noiseScale) => anomaly switch
    {
        InjectedAnomalyKind.Dip => Min(values, start, length) >= 6 * noiseScale,
        InjectedAnomalyKind.Stuck => Spread(values, start, length) >= 4 * noiseScale,
        _ => true,
    };

    private static void Inject(InjectedAnomalyKind anomaly, double[] values, int start, int length, LabelledSignal signal, Random random)
    {
        var scale = signal.NoiseScale;
        var sign = random.Next(2) == 0 ? 1 : -1;
        switch (anomaly)
        {
            case InjectedAnomalyKind.Spike:
                var up = random.Between(6, 10) * scale;
                for (var i = start; i < start + length; i++)
                {
                    values[i] += up;
                }

                break;
            case InjectedAnomalyKind.Dip:
                var down = random.Between(6, 10) * scale;
                for (var i = start; i < start + length; i++)
                {
                    values[i] = Floor(values[i] - down, signal);
                }

                break;
            case InjectedAnomalyKind.LevelShift:
                var shift = Downward(sign, random.Between(4, 6) * scale, values, start, length, signal);
                for (var i = start; i < start + length; i++)
                {
                    values[i] = Floor(values[i] + shift, signal);
                }

                break;
            case InjectedAnomalyKind.Drift:
                var end = Downward(sign, random.Between(5, 8) * scale, values, start, length, signal);
                for (var i = start; i < start + length; i++)
                {
                    values[i] = Floor(values[i] + (end * (i - start + 1) / length), signal);
                }

                break;
            default:
                Array.Fill(values, values[start], start, length);
                break;
        }
    }

    /// <summary>A downward shift or drift only where it fits above the floor; otherwise it goes up.</summary>
    private static double Downward(int sign, double magnitude, double[] values, int start, int length, LabelledSignal signal) =>
        sign < 0 && (!signal.NonNegative || Min(values, start, length) >= magnitude) ? -magnitude : magnitude;

    private static double Floor(double value, LabelledSignal signal) => signal.NonNegative ? Math.Max(0, value) : value;

    private static double Min(double[] values, int start, int length)
    {
        var min = double.PositiveInfinity;
        for (var i = start; i < start + length; i++)
        {
            min = Math.Min(min, values[i]);
        }

        return min;
    }

    private static double Spread(double[] values, int start, int length)
    {
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        for (var i = start; i < start + length; i++)
        {
            min = Math.Min(min, values[i]);
            max = Math.Max(max, values[i]);
        }

        return max - min;
    }
}
