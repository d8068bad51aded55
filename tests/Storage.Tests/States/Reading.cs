namespace SmartCity.Twin.Runtime.Storage.Tests.States;

public sealed class Reading
{
    public DateTimeOffset At { get; set; }

    public double Value { get; set; }
}
