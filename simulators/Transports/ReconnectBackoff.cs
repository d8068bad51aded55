namespace SmartCity.Twin.Simulators.Transports;

/// <summary>
/// When a failed connection may be tried again: 1 s after the first failure, doubling up to 30 s, back to at once after
/// a success. Messages due in between fail fast instead of queueing behind a broker that is not there.
/// </summary>
internal sealed class ReconnectBackoff(TimeProvider time)
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(30);

    private TimeSpan delay = TimeSpan.Zero;
    private DateTimeOffset notBefore = DateTimeOffset.MinValue;

    /// <summary>How long until the next attempt is allowed; zero when it is allowed now.</summary>
    public TimeSpan Remaining
    {
        get
        {
            var left = notBefore - time.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    public void Failed()
    {
        delay = delay == TimeSpan.Zero ? First : TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, Longest.Ticks));
        notBefore = time.GetUtcNow() + delay;
    }

    public void Succeeded()
    {
        delay = TimeSpan.Zero;
        notBefore = DateTimeOffset.MinValue;
    }
}
