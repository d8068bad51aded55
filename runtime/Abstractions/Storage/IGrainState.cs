namespace SmartCity.Twin.Runtime.Storage;

/// <summary>The state of one grain as a storage provider reads and writes it.</summary>
public interface IGrainState<TState>
{
    TState State { get; set; }

    string? ETag { get; set; }

    bool RecordExists { get; set; }
}
