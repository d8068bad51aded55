using SmartCity.Twin.Grains.Devices.ServiceCounters;

namespace SmartCity.Twin.Grains.Warnings.Pollution;

/// <summary>
/// What a station's PM2.5 usually is at each local hour of the day (the mean of complete hours, as a log, so one hazy
/// day moves it less than a clean one), and whether the current hour is far above it. Part of the persisted
/// environment-sensor state: 24 slots of two numbers.
/// </summary>
public sealed class Pm25Spike
{
    public const int Slots = 24;

    public double[] UsualLog { get; set; } = new double[Slots];

    public int[] Days { get; set; } = new int[Slots];

    public bool IsConsistent => UsualLog.Length == Slots && Days.Length == Slots;

    public static int SlotOf(DateTimeOffset at) => PublicServiceHours.ToLocal(at).Hour;

    /// <summary>Learns one complete clock hour's mean (not while it was itself a spike, which would teach the spike).</summary>
    public void LearnHour(DateTimeOffset hour, double mean, PollutionWarningOptions options)
    {
        if (!(mean > 0) || !double.IsFinite(mean) || IsSpike(hour, mean, options))
        {
            return;
        }

        var slot = SlotOf(hour);
        var days = Days[slot] = Days[slot] == int.MaxValue ? int.MaxValue : Days[slot] + 1;
        UsualLog[slot] += (Math.Log(mean) - UsualLog[slot]) / Math.Min(days, Math.Max(1, options.SpikeMemoryDays));
    }

    /// <summary>The usual PM2.5 at <paramref name="at"/>'s hour, once learnt over enough days.</summary>
    public bool TryGetUsual(DateTimeOffset at, PollutionWarningOptions options, out double usual)
    {
        var slot = SlotOf(at);
        usual = Math.Exp(UsualLog[slot]);
        return Days[slot] >= Math.Max(1, options.SpikeLearningDays);
    }

    public bool IsSpike(DateTimeOffset at, double mean, PollutionWarningOptions options) =>
        mean >= options.SpikeMinimum && TryGetUsual(at, options, out var usual) && mean >= options.SpikeFactor * usual;
}
