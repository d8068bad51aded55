namespace SmartCity.Twin.Simulation.Signals;

/// <summary>
/// Keeps generated values inside what the twin accepts (the gateway's physical range check): noise on a value near zero
/// must not make a negative count or concentration, nor a humidity above 100 %.
/// </summary>
internal static class PhysicalLimits
{
    public static double Clamp(string metric, double value) => metric switch
    {
        "humidity" => Math.Clamp(value, 0, 100),
        "temperature" => Math.Clamp(value, -40, 1000),
        _ => Math.Max(0, value),
    };
}
