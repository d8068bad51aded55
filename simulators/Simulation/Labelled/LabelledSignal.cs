using SmartCity.Twin.Grains.Devices.ServiceCounters;
using SmartCity.Twin.Simulation.Signals;

namespace SmartCity.Twin.Simulation.Labelled;

/// <summary>
/// The anomaly-free signal of one <see cref="LabelledSeriesKind"/>: a daily shape in Vietnam local time plus the kind of
/// noise that sensor has. Autocorrelated noise is an AR(1) process so neighbouring points are not independent, as in
/// the field.
/// </summary>
internal sealed class LabelledSignal(LabelledSeriesKind kind, Random random, TimeSpan interval)
{
    private const double Persistence = 0.8;
    private double _noise;

    /// <summary>
    /// The typical size of normal point-to-point variation in the kind's unit, so injected anomalies are sized in
    /// "noise units" and equally hard to see in every kind.
    /// </summary>
    public double NoiseScale => kind switch
    {
        LabelledSeriesKind.Pm25 => 5,
        LabelledSeriesKind.Temperature => 0.4,
        LabelledSeriesKind.QueueLength => 2.5,
        _ => Math.Sqrt(VehiclesPerInterval(40)),
    };

    /// <summary>Whether values can never be negative (counts, concentrations).</summary>
    public bool NonNegative => kind != LabelledSeriesKind.Temperature;

    public double Next(DateTimeOffset at)
    {
        var hour = ProvinceTime.HourOfDay(at);
        _noise = (Persistence * _noise) + (Math.Sqrt(1 - (Persistence * Persistence)) * random.Gaussian());
        switch (kind)
        {
            case LabelledSeriesKind.Pm25:
                var level = 30 + (15 * DailyShape.Bump(hour, 7.5, 1.5)) + (20 * DailyShape.Bump(hour, 19.5, 2)) + (10 * DailyShape.Bump(hour, 2, 3));
                return Math.Round(level * Math.Exp(0.12 * _noise), 1);
            case LabelledSeriesKind.Temperature:
                return Math.Round(28 + (4 * DailyShape.Cycle(hour, 14)) + (0.25 * _noise), 2);
            case LabelledSeriesKind.QueueLength:
                if (!PublicServiceHours.IsOpen(at))
                {
                    return 0;
                }

                return random.Poisson(4 + (6 * DailyShape.Bump(hour, 9, 1)) + (4 * DailyShape.Bump(hour, 14.5, 1)));
            default:
                var rush = 0.15 + DailyShape.Bump(hour, 7.5, 1.2) + (0.8 * DailyShape.Bump(hour, 17.5, 1.5)) + (0.4 * DailyShape.Window(hour, 9, 16, 1));
                return random.Poisson(VehiclesPerInterval(40 * rush));
        }
    }

    private double VehiclesPerInterval(double per5Minutes) => per5Minutes * interval.TotalMinutes / 5;
}
