using SmartCity.Twin.Runtime.Storage.Tests.States;
using SmartCity.Twin.Runtime.Storage.Tests.Support;

namespace SmartCity.Twin.Runtime.Storage.Tests;

/// <summary>
/// What every <see cref="IGrainStorage"/> must do. Each provider runs these through a small derived class that says
/// how to create the provider on a fresh, private store.
/// </summary>
public abstract class GrainStorageSpecification : IAsyncLifetime
{
    private readonly ProviderInstances _created = new();

    protected IGrainStorage Storage { get; private set; } = null!;

    /// <summary>A new provider instance on this test's store; a second call reaches the same rows.</summary>
    protected abstract IGrainStorage CreateStorage();

    public virtual Task InitializeAsync()
    {
        Storage = Track(CreateStorage());
        return Task.CompletedTask;
    }

    public virtual Task DisposeAsync() => _created.DisposeAsync().AsTask();

    protected IGrainStorage Track(IGrainStorage storage) => _created.Track(storage);

    protected static GrainId NewGrainId(string type = "sensor") => new(type, "key-" + Guid.NewGuid().ToString("N"));

    protected static SensorState SampleSensor() => new()
    {
        Name = "Cảm biến giao thông Ngã tư Hàng Xanh – đường Điện Biên Phủ",
        Kind = SensorKind.TrafficCounter,
        InstalledAt = new DateTimeOffset(2024, 3, 15, 8, 30, 45, TimeSpan.FromHours(7)).AddTicks(1234567),
        Location = new Address { Street = "Đường Nguyễn Thị Minh Khai", District = "Quận 1, Thành phố Hồ Chí Minh" },
        Readings =
        [
            new Reading { At = new DateTimeOffset(2024, 3, 15, 9, 0, 0, TimeSpan.Zero), Value = 412.5 },
            new Reading { At = new DateTimeOffset(2024, 3, 15, 16, 0, 0, TimeSpan.FromHours(7)), Value = double.NaN },
        ],
        Calibration = new Dictionary<string, double> { ["Hệ số"] = 1.0375, ["offset"] = -0.25 },
        Tags = ["ưu tiên", "đèn tín hiệu", ""],
        Version = 3,
    };

    [Fact]
    public async Task A_written_state_reads_back_equal_including_nested_objects_collections_times_and_Vietnamese_text()
    {
        var grain = NewGrainId();
        var expected = SampleSensor();
        await Storage.WriteStateAsync("sensor", grain, new TestGrainState<SensorState> { State = expected });

        var read = new TestGrainState<SensorState>();
        await Storage.ReadStateAsync("sensor", grain, read);

        var actual = read.State;
        Assert.True(read.RecordExists);
        Assert.NotNull(read.ETag);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.InstalledAt, actual.InstalledAt);
        Assert.Equal(expected.InstalledAt.Offset, actual.InstalledAt.Offset);
        Assert.Equal(expected.Location!.Street, actual.Location!.Street);
        Assert.Equal(expected.Location.District, actual.Location.District);
        Assert.Equal(expected.Readings.Select(r => (r.At, r.Value)), actual.Readings.Select(r => (r.At, r.Value)));
        Assert.Equal(expected.Calibration.OrderBy(p => p.Key), actual.Calibration.OrderBy(p => p.Key));
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(expected.Version, actual.Version);
    }

    [Fact]
    public async Task A_grain_that_never_wrote_reads_a_new_state_with_no_record_and_no_etag()
    {
        var read = new TestGrainState<SensorState> { State = SampleSensor(), ETag = "stale", RecordExists = true };

        await Storage.ReadStateAsync("sensor", NewGrainId(), read);

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.Equal("", read.State.Name);
        Assert.Empty(read.State.Readings);
    }

    [Fact]
    public async Task A_write_sets_a_new_etag_and_the_next_write_with_it_succeeds()
    {
        var grain = NewGrainId();
        var state = new TestGrainState<CounterState>();

        await Storage.WriteStateAsync("counter", grain, state);
        var first = state.ETag;
        state.State.Count = 2;
        await Storage.WriteStateAsync("counter", grain, state);

        Assert.True(state.RecordExists);
        Assert.NotNull(first);
        Assert.NotNull(state.ETag);
        Assert.NotEqual(first, state.ETag);
        Assert.Equal(2, (await ReadCounter(grain)).State.Count);
    }

    [Fact]
    public async Task Of_two_activations_that_read_the_same_row_only_the_first_writer_wins()
    {
        var grain = NewGrainId();
        await Storage.WriteStateAsync("counter", grain, new TestGrainState<CounterState> { State = new CounterState { Count = 1 } });
        var first = await ReadCounter(grain);
        var second = await ReadCounter(grain);

        first.State.Count = 10;
        await Storage.WriteStateAsync("counter", grain, first);
        second.State.Count = 20;
        var staleEtag = second.ETag;
        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("counter", grain, second));

        Assert.Equal(10, (await ReadCounter(grain)).State.Count);
        Assert.Equal(first.ETag, error.StoredEtag);
        Assert.Equal(staleEtag, error.CurrentEtag);
        Assert.Contains(grain.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("'counter'", error.Message, StringComparison.Ordinal);
        Assert.Contains(first.ETag!, error.Message, StringComparison.Ordinal);
        Assert.Contains(staleEtag!, error.Message, StringComparison.Ordinal);
        Assert.Contains("another activation or process", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Writing_with_no_etag_when_a_row_exists_is_a_conflict()
    {
        var grain = NewGrainId();
        await Storage.WriteStateAsync("counter", grain, new TestGrainState<CounterState> { State = new CounterState { Count = 1 } });

        var blind = new TestGrainState<CounterState> { State = new CounterState { Count = 99 } };
        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("counter", grain, blind));

        Assert.Null(error.CurrentEtag);
        Assert.NotNull(error.StoredEtag);
        Assert.Equal(1, (await ReadCounter(grain)).State.Count);
    }

    [Fact]
    public async Task Writing_with_an_etag_when_no_row_exists_is_a_conflict()
    {
        var ghost = new TestGrainState<CounterState> { ETag = "made-up" };

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("counter", NewGrainId(), ghost));

        Assert.Null(error.StoredEtag);
        Assert.Equal("made-up", error.CurrentEtag);
    }

    [Fact]
    public async Task Of_many_activations_writing_the_same_row_at_once_exactly_one_succeeds()
    {
        var grain = NewGrainId();
        await Storage.WriteStateAsync("counter", grain, new TestGrainState<CounterState>());
        var activations = new List<TestGrainState<CounterState>>();
        for (var i = 0; i < 20; i++)
        {
            activations.Add(await ReadCounter(grain));
        }

        var results = await Task.WhenAll(activations.Select((activation, i) => Task.Run(async () =>
        {
            activation.State.Count = i + 1;
            try
            {
                await Storage.WriteStateAsync("counter", grain, activation);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        })));

        Assert.Single(results, won => won);
        var winner = activations[Array.IndexOf(results, true)];
        Assert.Equal(winner.State.Count, (await ReadCounter(grain)).State.Count);
    }

    [Fact]
    public async Task Activations_on_two_provider_instances_over_one_store_still_let_only_one_writer_win()
    {
        var grain = NewGrainId();
        await Storage.WriteStateAsync("counter", grain, new TestGrainState<CounterState>());
        var other = Track(CreateStorage());
        var activations = new List<(IGrainStorage Storage, TestGrainState<CounterState> State)>();
        for (var i = 0; i < 20; i++)
        {
            var storage = i % 2 == 0 ? Storage : other;
            var state = new TestGrainState<CounterState>();
            await storage.ReadStateAsync("counter", grain, state);
            activations.Add((storage, state));
        }

        var results = await Task.WhenAll(activations.Select(a => Task.Run(async () =>
        {
            try
            {
                await a.Storage.WriteStateAsync("counter", grain, a.State);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        })));

        Assert.Single(results, won => won);
    }

    [Fact]
    public async Task A_cleared_state_reads_as_new_without_a_record()
    {
        var grain = NewGrainId();
        var state = new TestGrainState<SensorState> { State = SampleSensor() };
        await Storage.WriteStateAsync("sensor", grain, state);

        await Storage.ClearStateAsync("sensor", grain, state);

        Assert.False(state.RecordExists);
        Assert.Equal("", state.State.Name);
        var read = new TestGrainState<SensorState>();
        await Storage.ReadStateAsync("sensor", grain, read);
        Assert.False(read.RecordExists);
        Assert.Equal("", read.State.Name);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task After_a_clear_the_same_activation_can_write_again()
    {
        var grain = NewGrainId();
        var state = new TestGrainState<CounterState> { State = new CounterState { Count = 5 } };
        await Storage.WriteStateAsync("counter", grain, state);
        await Storage.ClearStateAsync("counter", grain, state);

        state.State.Count = 6;
        await Storage.WriteStateAsync("counter", grain, state);

        var read = await ReadCounter(grain);
        Assert.True(read.RecordExists);
        Assert.Equal(6, read.State.Count);
    }

    [Fact]
    public async Task After_a_clear_a_new_activation_reads_and_writes_normally()
    {
        var grain = NewGrainId();
        var state = new TestGrainState<CounterState> { State = new CounterState { Count = 5 } };
        await Storage.WriteStateAsync("counter", grain, state);
        await Storage.ClearStateAsync("counter", grain, state);

        var next = await ReadCounter(grain);
        next.State.Count = 7;
        await Storage.WriteStateAsync("counter", grain, next);

        Assert.Equal(7, (await ReadCounter(grain)).State.Count);
    }

    [Fact]
    public async Task Clearing_a_grain_that_never_wrote_succeeds_and_its_next_write_succeeds()
    {
        var grain = NewGrainId();
        var state = new TestGrainState<CounterState>();

        await Storage.ClearStateAsync("counter", grain, state);
        Assert.False(state.RecordExists);
        state.State.Count = 3;
        await Storage.WriteStateAsync("counter", grain, state);

        Assert.Equal(3, (await ReadCounter(grain)).State.Count);
    }

    [Fact]
    public async Task An_activation_still_holding_the_etag_from_before_a_clear_cannot_write_over_it()
    {
        var grain = NewGrainId();
        await Storage.WriteStateAsync("counter", grain, new TestGrainState<CounterState> { State = new CounterState { Count = 1 } });
        var stale = await ReadCounter(grain);
        var clearer = await ReadCounter(grain);
        await Storage.ClearStateAsync("counter", grain, clearer);

        stale.State.Count = 2;
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("counter", grain, stale));
        Assert.False((await ReadCounter(grain)).RecordExists);
    }

    [Fact]
    public async Task Clearing_with_a_stale_etag_is_a_conflict_and_keeps_the_row()
    {
        var grain = NewGrainId();
        await Storage.WriteStateAsync("counter", grain, new TestGrainState<CounterState> { State = new CounterState { Count = 1 } });
        var stale = await ReadCounter(grain);
        var writer = await ReadCounter(grain);
        writer.State.Count = 2;
        await Storage.WriteStateAsync("counter", grain, writer);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync("counter", grain, stale));
        Assert.Equal(2, (await ReadCounter(grain)).State.Count);
    }

    [Fact]
    public async Task Grains_with_the_same_key_but_different_types_have_separate_state()
    {
        var key = "shared-" + Guid.NewGuid().ToString("N");
        await Storage.WriteStateAsync("counter", new GrainId("camera", key), new TestGrainState<CounterState> { State = new CounterState { Count = 1 } });
        await Storage.WriteStateAsync("counter", new GrainId("traffic-light", key), new TestGrainState<CounterState> { State = new CounterState { Count = 2 } });

        Assert.Equal(1, (await ReadCounter(new GrainId("camera", key))).State.Count);
        Assert.Equal(2, (await ReadCounter(new GrainId("traffic-light", key))).State.Count);
        Assert.False((await ReadCounter(new GrainId("bus-stop", key))).RecordExists);
    }

    [Fact]
    public async Task States_with_different_names_on_one_grain_are_separate()
    {
        var grain = NewGrainId();
        await Storage.WriteStateAsync("today", grain, new TestGrainState<CounterState> { State = new CounterState { Count = 1 } });
        await Storage.WriteStateAsync("total", grain, new TestGrainState<CounterState> { State = new CounterState { Count = 100 } });

        Assert.Equal(1, (await ReadCounter(grain, "today")).State.Count);
        Assert.Equal(100, (await ReadCounter(grain, "total")).State.Count);
    }

    [Fact]
    public async Task Two_hundred_grains_writing_at_once_all_land()
    {
        var grains = Enumerable.Range(0, 200).Select(_ => NewGrainId()).ToArray();

        await Task.WhenAll(grains.Select((grain, i) => Task.Run(async () =>
        {
            var state = new TestGrainState<CounterState> { State = new CounterState { Count = i } };
            await Storage.WriteStateAsync("counter", grain, state);
            state.State.Count = i * 2;
            await Storage.WriteStateAsync("counter", grain, state);
        })));

        for (var i = 0; i < grains.Length; i++)
        {
            Assert.Equal(i * 2, (await ReadCounter(grains[i])).State.Count);
        }
    }

    [Fact]
    public async Task Stored_state_is_a_copy_that_later_changes_to_the_object_do_not_affect()
    {
        var grain = NewGrainId();
        var state = new TestGrainState<SensorState> { State = SampleSensor() };
        await Storage.WriteStateAsync("sensor", grain, state);

        state.State.Name = "changed in memory only";
        state.State.Readings.Clear();

        var read = new TestGrainState<SensorState>();
        await Storage.ReadStateAsync("sensor", grain, read);
        Assert.Equal(SampleSensor().Name, read.State.Name);
        Assert.Equal(2, read.State.Readings.Count);
        Assert.NotSame(state.State, read.State);
    }

    [Fact]
    public async Task State_that_cannot_be_serialized_fails_the_write_and_stores_nothing()
    {
        var grain = NewGrainId();
        var loop = new SelfReferencingState();
        loop.Next = loop;

        await Assert.ThrowsAnyAsync<System.Text.Json.JsonException>(
            () => Storage.WriteStateAsync("loop", grain, new TestGrainState<SelfReferencingState> { State = loop }));

        var read = new TestGrainState<SelfReferencingState>();
        await Storage.ReadStateAsync("loop", grain, read);
        Assert.False(read.RecordExists);
    }

    [Fact]
    public async Task Another_provider_instance_on_the_same_store_sees_the_same_rows()
    {
        var grain = NewGrainId();
        await Storage.WriteStateAsync("sensor", grain, new TestGrainState<SensorState> { State = SampleSensor() });

        var other = Track(CreateStorage());
        var read = new TestGrainState<SensorState>();
        await other.ReadStateAsync("sensor", grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal(SampleSensor().Name, read.State.Name);
    }

    protected async Task<TestGrainState<CounterState>> ReadCounter(GrainId grain, string stateName = "counter")
    {
        var state = new TestGrainState<CounterState>();
        await Storage.ReadStateAsync(stateName, grain, state);
        return state;
    }
}
