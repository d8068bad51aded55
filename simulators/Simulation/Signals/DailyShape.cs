namespace SmartCity.Twin.Simulation.Signals;

/// <summary>Building blocks of daily cycles.</summary>
internal static class DailyShape
{
    /// <summary>A bell around <paramref name="centre"/> (hours) of width <paramref name="width"/> (hours), 1 at the centre; wraps around midnight.</summary>
    public static double Bump(double hour, double centre, double width)
    {
        var distance = Math.Abs(hour - centre) % 24;
        distance = Math.Min(distance, 24 - distance);
        return Math.Exp(-0.5 * (distance / width) * (distance / width));
    }

    /// <summary>−1 to 1, peaking at <paramref name="peakHour"/>: temperature-like.</summary>
    public static double Cycle(double hour, double peakHour) => Math.Cos(2 * Math.PI * (hour - peakHour) / 24);

    /// <summary>0 before <paramref name="from"/>, 1 after <paramref name="to"/>, smooth in between.</summary>
    public static double Ramp(double hour, double from, double to)
    {
        if (hour <= from)
        {
            return 0;
        }

        if (hour >= to)
        {
            return 1;
        }

        var x = (hour - from) / (to - from);
        return x * x * (3 - (2 * x));
    }

    /// <summary>1 inside [<paramref name="from"/>, <paramref name="to"/>] (hours), ramping over <paramref name="edge"/> hours either side.</summary>
    public static double Window(double hour, double from, double to, double edge) =>
        Ramp(hour, from - edge, from) * (1 - Ramp(hour, to, to + edge));
}
