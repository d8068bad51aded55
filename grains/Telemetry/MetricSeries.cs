namespace SmartCity.Twin.Grains.Telemetry;

/// <summary>
/// The latest value and a bounded, time-ordered history of one metric of one twin. Part of the persisted twin state,
/// so its shape is JSON-friendly (public get/set properties), and compact: two parallel primitive arrays used as a
/// ring buffer, no object per point. A full series of capacity 64 takes about 620 bytes.
/// </summary>
/// <remarks>
/// History timestamps are whole seconds since <see cref="Epoch"/> in an <see cref="int"/> (valid until 2088); the
/// latest value keeps millisecond precision. Several points in the same second keep one sample: the last to arrive.
/// A point older than the oldest sample of a full history is not stored in it (it would be the next one dropped).
/// </remarks>
internal sealed class MetricSeries
{
    /// <summary>2020-01-01T00:00:00Z in Unix seconds.</summary>
    public const long Epoch = 1_577_836_800;

    private const int InitialCapacity = 8;

    public string Name { get; set; } = string.Empty;

    public double LatestValue { get; set; }

    /// <summary>Unix milliseconds of <see cref="LatestValue"/>.</summary>
    public long LatestTimestamp { get; set; } = long.MinValue;

    /// <summary>Seconds since <see cref="Epoch"/>, ring-ordered from <see cref="Start"/>.</summary>
    public int[] Seconds { get; set; } = [];

    public float[] Values { get; set; } = [];

    public int Start { get; set; }

    public int Count { get; set; }

    public bool HasLatest => LatestTimestamp != long.MinValue;

    public static bool IsInHistoryRange(DateTimeOffset timestamp)
    {
        var seconds = timestamp.ToUnixTimeSeconds() - Epoch;
        return seconds is >= 0 and <= int.MaxValue;
    }

    /// <summary>Records a point; returns whether it became the latest value.</summary>
    public bool Record(DateTimeOffset timestamp, double value, int capacity)
    {
        var unixMs = timestamp.ToUnixTimeMilliseconds();
        var becameLatest = unixMs >= LatestTimestamp;
        if (becameLatest)
        {
            LatestTimestamp = unixMs;
            LatestValue = value;
        }

        AddToHistory((int)(timestamp.ToUnixTimeSeconds() - Epoch), (float)value, capacity);
        return becameLatest;
    }

    public MetricReading? ToReading() =>
        HasLatest ? new MetricReading(Name, LatestValue, DateTimeOffset.FromUnixTimeMilliseconds(LatestTimestamp)) : null;

    /// <summary>The latest reading of every series that has one, in series order; null series (older stored state) are skipped.</summary>
    public static List<MetricReading> LatestReadings(MetricSeries?[]? series)
    {
        var readings = new List<MetricReading>(series?.Length ?? 0);
        foreach (var metric in series ?? [])
        {
            if (metric?.ToReading() is { } reading)
            {
                readings.Add(reading);
            }
        }

        return readings;
    }

    public MetricHistory ToHistory(int capacity)
    {
        var samples = new MetricSample[Count];
        for (var i = 0; i < Count; i++)
        {
            var slot = Slot(i);
            samples[i] = new MetricSample(DateTimeOffset.FromUnixTimeSeconds(Epoch + Seconds[slot]), Values[slot]);
        }

        return new MetricHistory(Name, capacity, samples);
    }

    /// <summary>
    /// Makes state read from storage consistent with the current capacity (which may have been reconfigured) and
    /// pools the name. Keeps the newest samples.
    /// </summary>
    public void Normalize(int capacity)
    {
        Name = MetricNames.Intern(Name);
        if (Seconds.Length != Values.Length || Count < 0 || Count > Seconds.Length || Start < 0 || (Seconds.Length > 0 && Start >= Seconds.Length))
        {
            Seconds = [];
            Values = [];
            Start = 0;
            Count = 0;
            return;
        }

        if (Seconds.Length > capacity || Count > capacity)
        {
            var keep = Math.Min(Count, capacity);
            var seconds = new int[capacity];
            var values = new float[capacity];
            for (var i = 0; i < keep; i++)
            {
                var slot = Slot(Count - keep + i);
                seconds[i] = Seconds[slot];
                values[i] = Values[slot];
            }

            Seconds = seconds;
            Values = values;
            Start = 0;
            Count = keep;
        }
    }

    private void AddToHistory(int second, float value, int capacity)
    {
        if (Count > 0)
        {
            var newest = Seconds[Slot(Count - 1)];
            if (second < newest)
            {
                InsertOutOfOrder(second, value, capacity);
                return;
            }

            if (second == newest)
            {
                Values[Slot(Count - 1)] = value;
                return;
            }
        }

        if (Count == Seconds.Length && Count < capacity)
        {
            Grow(capacity);
        }

        if (Count < Seconds.Length)
        {
            var slot = Slot(Count);
            Seconds[slot] = second;
            Values[slot] = value;
            Count++;
        }
        else
        {
            Seconds[Start] = second;
            Values[Start] = value;
            Start = (Start + 1) % Seconds.Length;
        }
    }

    private void InsertOutOfOrder(int second, float value, int capacity)
    {
        // Walk back from the newest sample: late points are usually only a little late.
        var index = Count - 1;
        while (index >= 0 && Seconds[Slot(index)] > second)
        {
            index--;
        }

        if (index >= 0 && Seconds[Slot(index)] == second)
        {
            Values[Slot(index)] = value;
            return;
        }

        var insertAt = index + 1;
        if (Count == Seconds.Length && Count < capacity)
        {
            Grow(capacity);
        }

        if (Count == Seconds.Length)
        {
            if (insertAt == 0)
            {
                return;
            }

            // Full: drop the oldest sample, shifting the older part one slot towards the start.
            for (var i = 0; i < insertAt - 1; i++)
            {
                Seconds[Slot(i)] = Seconds[Slot(i + 1)];
                Values[Slot(i)] = Values[Slot(i + 1)];
            }

            Seconds[Slot(insertAt - 1)] = second;
            Values[Slot(insertAt - 1)] = value;
            return;
        }

        for (var i = Count; i > insertAt; i--)
        {
            Seconds[Slot(i)] = Seconds[Slot(i - 1)];
            Values[Slot(i)] = Values[Slot(i - 1)];
        }

        Seconds[Slot(insertAt)] = second;
        Values[Slot(insertAt)] = value;
        Count++;
    }

    private void Grow(int capacity)
    {
        var length = Math.Min(capacity, Math.Max(InitialCapacity, Seconds.Length * 2));
        var seconds = new int[length];
        var values = new float[length];
        for (var i = 0; i < Count; i++)
        {
            var slot = Slot(i);
            seconds[i] = Seconds[slot];
            values[i] = Values[slot];
        }

        Seconds = seconds;
        Values = values;
        Start = 0;
    }

    private int Slot(int logicalIndex) => (Start + logicalIndex) % Seconds.Length;
}
