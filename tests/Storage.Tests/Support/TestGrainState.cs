namespace SmartCity.Twin.Runtime.Storage.Tests.Support;

/// <summary>What one activation holds: the state plus the ETag it last read or wrote.</summary>
public sealed class TestGrainState<TState> : IGrainState<TState>
    where TState : new()
{
    public TState State { get; set; } = new();

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}
