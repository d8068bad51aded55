namespace SmartCity.Twin.Runtime;

/// <summary>
/// A grain's durable state. <see cref="WriteStateAsync"/> uses the <see cref="Etag"/> read or last written for
/// optimistic concurrency: if the stored row changed meanwhile, it throws <see cref="Storage.InconsistentStateException"/>.
/// </summary>
public interface IPersistentState<TState>
{
    TState State { get; set; }

    string? Etag { get; }

    bool RecordExists { get; }

    Task ReadStateAsync();

    Task WriteStateAsync();

    Task ClearStateAsync();
}
