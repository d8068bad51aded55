namespace SmartCity.Twin.Detectors;

internal static class Finite
{
    /// <summary>A NaN or infinity would poison every later score through the stored history, so it is refused at the door.</summary>
    public static void Check(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Detectors take finite values only; drop NaN and infinite readings before scoring.");
        }
    }
}
