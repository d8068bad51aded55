namespace SmartCity.Twin.Runtime.Storage.Tests.States;

public sealed class CounterState
{
    public int Count { get; set; }
}
