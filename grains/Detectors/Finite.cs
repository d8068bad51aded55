namespace SmartCity.Twin.Detectors;

internal static class Finite
{
    /// <summary>
    /// The largest magnitude a detector takes. Far beyond any physical reading, and small enough that squares and lag
    /// products summed over a window (up to ~10³⁴) never overflow.
    /// </summary>
    public const double Largest = 1e15;

    /// <summary>A NaN or infinity would poison every later score through the stored history, so it is refused at the door.</summary>
    public static void Check(double value)
    {
        if (!double.IsFinite(value) || Math.Abs(value) > Largest)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Detectors take finite readings within ±1e15; drop NaN, infinite and absurd readings before scoring.");
        }
    }
}
