using SmartCity.Twin.Runtime;
using SmartCity.Twin.Runtime.Storage;

namespace SmartCity.Twin.Benchmarks.Hosting;

/// <summary>
/// Storage that keeps nothing in this process, standing in for the silo's out-of-process database (PostgreSQL) when
/// measuring what a twin costs in silo memory: the in-memory provider would add a JSON copy of every state.
/// </summary>
internal sealed class DiscardingGrainStorage : IGrainStorage
{
    public Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        grainState.State = GrainStateJson.CreateEmpty<TState>();
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        grainState.ETag = "discarded";
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        grainState.State = GrainStateJson.CreateEmpty<TState>();
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}
