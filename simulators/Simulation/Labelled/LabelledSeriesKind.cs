namespace SmartCity.Twin.Simulation.Labelled;

/// <summary>The sensor a labelled series imitates: each has its own daily shape, noise and floor.</summary>
internal enum LabelledSeriesKind
{
    /// <summary>PM2.5 in µg/m³: rush-hour and night peaks, multiplicative noise, never below 0.</summary>
    Pm25,

    /// <summary>Air temperature in °C: a smooth daily cycle peaking at 14:00 with small autocorrelated noise.</summary>
    Temperature,

    /// <summary>People waiting at a service counter: Poisson counts during opening hours, 0 when closed.</summary>
    QueueLength,

    /// <summary>Vehicles per sampling interval at an intersection: Poisson counts with morning and evening peaks.</summary>
    VehicleCount,
}
