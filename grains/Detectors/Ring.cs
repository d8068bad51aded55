namespace SmartCity.Twin.Detectors;

/// <summary>
/// The fixed-size ring buffers the detector states keep as plain arrays: slot <c>count % capacity</c> is the next to
/// be written, so an array plus a count is all a state needs to persist.
/// </summary>
internal static class Ring
{
    public static void Add(double[] buffer, long count, double value) => buffer[(int)(count % buffer.Length)] = value;

    /// <summary>How many slots hold data after <paramref name="count"/> writes.</summary>
    public static int Filled(double[] buffer, long count) => (int)Math.Min(count, buffer.Length);

    /// <summary>The value written <paramref name="back"/> writes ago (1 = the latest).</summary>
    public static double Ago(double[] buffer, long count, int back) => buffer[(int)((count - back) % buffer.Length)];

    /// <summary>
    /// An existing buffer of the right length, or a new one; a buffer of another length (a state from other options)
    /// is refused, since silently resizing would mix two histories.
    /// </summary>
    public static double[] Ensure(double[]? buffer, int length, string what)
    {
        if (buffer is null || buffer.Length == 0)
        {
            return new double[length];
        }

        if (buffer.Length != length)
        {
            throw new ArgumentException($"The stored {what} holds {buffer.Length} points but the options ask for {length}; start from a fresh state after changing the options.", nameof(buffer));
        }

        return buffer;
    }
}
