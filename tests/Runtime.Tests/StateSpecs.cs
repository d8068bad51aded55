using Microsoft.Extensions.DependencyInjection;
using SmartCity.Twin.Runtime.Tests.Grains;
using SmartCity.Twin.Runtime.Storage;

namespace SmartCity.Twin.Runtime.Tests;

public sealed class StateSpecs
{
    [Fact]
    public async Task State_is_read_before_activation_and_written_through_the_storage_provider()
    {
        await using var cluster = await ClusterFixture.StartAsync();
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>("queue-7");
        await counter.Increment();
        await counter.Increment();

        await counter.Deactivate();

        Assert.Equal(3, await counter.Increment());
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_raises_a_clear_conflict()
    {
        await using var cluster = await ClusterFixture.StartAsync();
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>("contended");
        await counter.Increment();

        // Another process writes the same row behind the activation's back.
        var storage = cluster.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default);
        var other = new StoredCounter();
        await storage.ReadStateAsync("count", new GrainId("counter", "contended"), other);
        other.State.Value = 100;
        await storage.WriteStateAsync("count", new GrainId("counter", "contended"), other);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => counter.Increment());
        Assert.Contains("contended", error.Message, StringComparison.Ordinal);
    }

    private sealed class StoredCounter : IGrainState<CounterState>
    {
        public CounterState State { get; set; } = new();

        public string? ETag { get; set; }

        public bool RecordExists { get; set; }
    }
}
