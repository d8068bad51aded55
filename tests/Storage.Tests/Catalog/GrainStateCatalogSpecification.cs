using System.Globalization;
using SmartCity.Twin.Runtime.Storage.Tests.States;
using SmartCity.Twin.Runtime.Storage.Tests.Support;

namespace SmartCity.Twin.Runtime.Storage.Tests.Catalog;

/// <summary>
/// What every provider's <see cref="IGrainStateCatalog"/> must do, so that indexes such as the twin directory can be
/// rebuilt from storage at startup. Each provider runs these through a small derived class.
/// </summary>
public abstract class GrainStateCatalogSpecification : IAsyncLifetime
{
    private readonly ProviderInstances _created = new();

    protected IGrainStorage Storage { get; private set; } = null!;

    private IGrainStateCatalog Catalog => (IGrainStateCatalog)Storage;

    /// <summary>A new provider instance on this test's store; a second call reaches the same rows.</summary>
    protected abstract IGrainStorage CreateStorage();

    public virtual Task InitializeAsync()
    {
        Storage = Track(CreateStorage());
        return Task.CompletedTask;
    }

    public virtual Task DisposeAsync() => _created.DisposeAsync().AsTask();

    protected IGrainStorage Track(IGrainStorage storage) => _created.Track(storage);

    [Fact]
    public void The_provider_is_a_catalog()
    {
        Assert.IsAssignableFrom<IGrainStateCatalog>(Storage);
    }

    [Fact]
    public async Task An_empty_store_lists_nothing()
    {
        Assert.Empty(await ListCounters("meter"));
    }

    [Fact]
    public async Task Every_written_state_is_listed_once_with_its_grain_id_and_latest_state()
    {
        for (var i = 0; i < 25; i++)
        {
            await Write(new GrainId("meter", Key(i)), "counter", i);
        }

        var overwritten = new GrainId("meter", Key(3));
        var read = new TestGrainState<CounterState>();
        await Storage.ReadStateAsync("counter", overwritten, read);
        read.State.Count = 300;
        await Storage.WriteStateAsync("counter", overwritten, read);

        var listed = await ListCounters("meter");

        Assert.Equal(25, listed.Count);
        Assert.All(listed, s => Assert.Equal("meter", s.GrainId.Type));
        var byKey = listed.ToDictionary(s => s.GrainId.Key, s => s.State.Count);
        Assert.Equal(300, byKey[Key(3)]);
        Assert.Equal(24, byKey[Key(24)]);
        Assert.Equal(Enumerable.Range(0, 25).Select(Key).Order(StringComparer.Ordinal), byKey.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Only_the_asked_grain_type_and_state_name_are_listed()
    {
        await Write(new GrainId("meter", "a"), "counter", 1);
        await Write(new GrainId("valve", "a"), "counter", 2);
        await Write(new GrainId("meter", "b"), "calibration", 3);

        var listed = await ListCounters("meter");

        var only = Assert.Single(listed);
        Assert.Equal(new GrainId("meter", "a"), only.GrainId);
        Assert.Equal(1, only.State.Count);
    }

    [Fact]
    public async Task A_cleared_state_is_not_listed_until_it_is_written_again()
    {
        var kept = new GrainId("meter", "kept");
        var cleared = new GrainId("meter", "cleared");
        await Write(kept, "counter", 1);
        var state = await Write(cleared, "counter", 2);
        await Storage.ClearStateAsync("counter", cleared, state);

        Assert.Equal([kept], (await ListCounters("meter")).Select(s => s.GrainId));

        state.State.Count = 7;
        await Storage.WriteStateAsync("counter", cleared, state);

        var listed = await ListCounters("meter");
        Assert.Equal(2, listed.Count);
        Assert.Equal(7, listed.Single(s => s.GrainId == cleared).State.Count);
    }

    [Fact]
    public async Task Another_provider_instance_on_the_same_store_lists_the_same_states()
    {
        await Write(new GrainId("meter", "shared"), "counter", 42);

        var other = (IGrainStateCatalog)Track(CreateStorage());
        var listed = new List<StoredGrainState<CounterState>>();
        await foreach (var stored in other.ReadAllStatesAsync<CounterState>("counter", "meter"))
        {
            listed.Add(stored);
        }

        Assert.Equal(42, Assert.Single(listed).State.Count);
    }

    [Fact]
    public async Task Thousands_of_states_stream_through_and_stopping_early_leaves_the_store_usable()
    {
        const int Grains = 3_000;
        await Parallel.ForEachAsync(Enumerable.Range(0, Grains), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            await Write(new GrainId("meter", Key(i)), "counter", i));

        var total = 0L;
        await foreach (var stored in Catalog.ReadAllStatesAsync<CounterState>("counter", "meter"))
        {
            total += stored.State.Count;
        }

        Assert.Equal((long)Grains * (Grains - 1) / 2, total);

        // Abandoning the enumeration after a few rows must give back whatever it held (a connection, a statement).
        for (var round = 0; round < 20; round++)
        {
            await foreach (var _ in Catalog.ReadAllStatesAsync<CounterState>("counter", "meter"))
            {
                break;
            }
        }

        await Write(new GrainId("meter", "after"), "counter", -1);
        Assert.Equal(Grains + 1, (await ListCounters("meter")).Count);
    }

    [Fact]
    public async Task A_cancelled_listing_stops_with_operation_canceled()
    {
        await Write(new GrainId("meter", "a"), "counter", 1);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Catalog.ReadAllStatesAsync<CounterState>("counter", "meter", cancellation.Token))
            {
            }
        });
    }

    private static string Key(int i) => "m-" + i.ToString(CultureInfo.InvariantCulture);

    private async Task<TestGrainState<CounterState>> Write(GrainId grain, string stateName, int count)
    {
        var state = new TestGrainState<CounterState> { State = new CounterState { Count = count } };
        await Storage.WriteStateAsync(stateName, grain, state);
        return state;
    }

    private async Task<List<StoredGrainState<CounterState>>> ListCounters(string grainType)
    {
        var listed = new List<StoredGrainState<CounterState>>();
        await foreach (var stored in Catalog.ReadAllStatesAsync<CounterState>("counter", grainType))
        {
            listed.Add(stored);
        }

        return listed;
    }
}
