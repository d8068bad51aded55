namespace SmartCity.Twin.Runtime.Tests.Grains;

public sealed class CounterState
{
    public int Value { get; set; }
}
