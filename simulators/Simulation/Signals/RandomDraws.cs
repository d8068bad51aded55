namespace SmartCity.Twin.Simulation.Signals;

/// <summary>The distributions the signals draw from, on a seeded <see cref="Random"/>.</summary>
internal static class RandomDraws
{
    /// <summary>Standard normal (Box–Muller).</summary>
    public static double Gaussian(this Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public static double Gaussian(this Random random, double mean, double deviation) => mean + (deviation * random.Gaussian());

    /// <summary>Waiting time of a Poisson process with <paramref name="ratePerHour"/>.</summary>
    public static TimeSpan Exponential(this Random random, double ratePerHour) =>
        TimeSpan.FromHours(-Math.Log(1.0 - random.NextDouble()) / ratePerHour);

    /// <summary>A count with mean <paramref name="mean"/>: exact Poisson for small means, its normal approximation above.</summary>
    public static int Poisson(this Random random, double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 30)
        {
            return Math.Max(0, (int)Math.Round(random.Gaussian(mean, Math.Sqrt(mean))));
        }

        var limit = Math.Exp(-mean);
        var count = 0;
        var product = random.NextDouble();
        while (product > limit)
        {
            count++;
            product *= random.NextDouble();
        }

        return count;
    }

    public static double Between(this Random random, double min, double max) => min + (random.NextDouble() * (max - min));

    public static TimeSpan Between(this Random random, TimeSpan min, TimeSpan max) =>
        min + TimeSpan.FromTicks((long)(random.NextDouble() * (max - min).Ticks));
}
