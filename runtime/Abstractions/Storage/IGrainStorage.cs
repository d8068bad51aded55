namespace SmartCity.Twin.Runtime.Storage;

/// <summary>
/// Stores grain state. Providers are registered as keyed services by name.
/// A provider creates its schema on first use. Writes and clears compare <see cref="IGrainState{TState}.ETag"/> with the
/// stored row and throw <see cref="InconsistentStateException"/> on mismatch; a <c>null</c> ETag means "the row must not exist".
/// </summary>
public interface IGrainStorage
{
    Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState);

    Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState);

    Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState);
}
