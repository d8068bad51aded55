namespace SmartCity.Twin.Silo.Tests.Demo;

/// <summary>A wall clock that shows one moment, so a test can tell which time stamped a message.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
