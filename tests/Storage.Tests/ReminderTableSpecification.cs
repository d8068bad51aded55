using SmartCity.Twin.Runtime.Storage.Tests.Support;
using SmartCity.Twin.Runtime.Reminders;

namespace SmartCity.Twin.Runtime.Storage.Tests;

/// <summary>What every <see cref="IReminderTable"/> must do; one small derived class per provider.</summary>
public abstract class ReminderTableSpecification : IAsyncLifetime
{
    // Whole milliseconds: PostgreSQL keeps microseconds, and reminders need no finer.
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 6, 0, 0, 125, TimeSpan.FromHours(7));

    private readonly ProviderInstances _created = new();

    protected IReminderTable Table { get; private set; } = null!;

    /// <summary>A new table instance on this test's store; a second call reaches the same rows.</summary>
    protected abstract IReminderTable CreateTable();

    public virtual Task InitializeAsync()
    {
        Table = Track(CreateTable());
        return Task.CompletedTask;
    }

    public virtual Task DisposeAsync() => _created.DisposeAsync().AsTask();

    protected IReminderTable Track(IReminderTable table) => _created.Track(table);

    private static ReminderEntry Entry(GrainId grain, string name, TimeSpan? period = null) => new()
    {
        GrainId = grain,
        ReminderName = name,
        StartAt = Start,
        Period = period ?? TimeSpan.FromMinutes(15),
    };

    private static GrainId NewGrainId() => new("traffic-light", "nga-tu-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task An_upserted_reminder_reads_back_with_the_returned_etag()
    {
        var grain = NewGrainId();

        var etag = await Table.UpsertRowAsync(Entry(grain, "đổi-pha"));
        var row = await Table.ReadRowAsync(grain, "đổi-pha");

        Assert.NotNull(row);
        Assert.False(string.IsNullOrEmpty(etag));
        Assert.Equal(etag, row.ETag);
        Assert.Equal(grain, row.GrainId);
        Assert.Equal("đổi-pha", row.ReminderName);
        Assert.Equal(Start, row.StartAt);
        Assert.Equal(TimeSpan.FromMinutes(15), row.Period);
    }

    [Fact]
    public async Task A_reminder_that_was_never_registered_reads_as_null()
    {
        Assert.Null(await Table.ReadRowAsync(NewGrainId(), "nothing"));
        Assert.Empty(await Table.ReadRowsAsync(NewGrainId()));
    }

    [Fact]
    public async Task Upserting_again_replaces_the_row_and_changes_its_etag()
    {
        var grain = NewGrainId();
        var first = await Table.UpsertRowAsync(Entry(grain, "tick"));

        var second = await Table.UpsertRowAsync(Entry(grain, "tick", TimeSpan.FromHours(1)) with { StartAt = Start.AddDays(1) });

        var row = await Table.ReadRowAsync(grain, "tick");
        Assert.NotEqual(first, second);
        Assert.Equal(second, row!.ETag);
        Assert.Equal(TimeSpan.FromHours(1), row.Period);
        Assert.Equal(Start.AddDays(1), row.StartAt);
        Assert.Single(await Table.ReadRowsAsync(grain));
    }

    [Fact]
    public async Task Reading_a_grains_rows_returns_only_that_grains_reminders()
    {
        var grain = NewGrainId();
        var other = NewGrainId();
        await Table.UpsertRowAsync(Entry(grain, "a"));
        await Table.UpsertRowAsync(Entry(grain, "b"));
        await Table.UpsertRowAsync(Entry(other, "a"));

        var rows = await Table.ReadRowsAsync(grain);

        Assert.Equal(["a", "b"], rows.Select(r => r.ReminderName).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(grain, r.GrainId));
    }

    [Fact]
    public async Task Reading_all_returns_every_reminder_of_every_grain()
    {
        var grains = Enumerable.Range(0, 5).Select(_ => NewGrainId()).ToArray();
        foreach (var grain in grains)
        {
            await Table.UpsertRowAsync(Entry(grain, "x"));
            await Table.UpsertRowAsync(Entry(grain, "y"));
        }

        var all = await Table.ReadAllAsync();

        Assert.Equal(10, all.Count);
        Assert.Equal(
            grains.SelectMany(g => new[] { (g, "x"), (g, "y") }).OrderBy(p => p.g.ToString(), StringComparer.Ordinal).ThenBy(p => p.Item2, StringComparer.Ordinal),
            all.Select(r => (r.GrainId, r.ReminderName)));
    }

    [Fact]
    public async Task Removing_with_the_current_etag_deletes_the_row()
    {
        var grain = NewGrainId();
        var etag = await Table.UpsertRowAsync(Entry(grain, "tick"));

        Assert.True(await Table.RemoveRowAsync(grain, "tick", etag));
        Assert.Null(await Table.ReadRowAsync(grain, "tick"));
        Assert.False(await Table.RemoveRowAsync(grain, "tick", etag));
    }

    [Fact]
    public async Task Removing_with_a_stale_etag_keeps_the_row()
    {
        var grain = NewGrainId();
        var stale = await Table.UpsertRowAsync(Entry(grain, "tick"));
        var current = await Table.UpsertRowAsync(Entry(grain, "tick"));

        Assert.False(await Table.RemoveRowAsync(grain, "tick", stale));
        Assert.False(await Table.RemoveRowAsync(grain, "tick", "wrong"));
        Assert.Equal(current, (await Table.ReadRowAsync(grain, "tick"))!.ETag);
    }

    [Fact]
    public async Task Grain_ids_with_slashes_in_the_key_round_trip()
    {
        var grain = new GrainId("camera", "district-1/street-5/cam-2");
        await Table.UpsertRowAsync(Entry(grain, "snapshot"));

        var rows = await Table.ReadRowsAsync(grain);

        Assert.Equal(grain, Assert.Single(rows).GrainId);
    }

    [Fact]
    public async Task Another_table_instance_on_the_same_store_sees_the_same_rows()
    {
        var grain = NewGrainId();
        var etag = await Table.UpsertRowAsync(Entry(grain, "tick"));

        var other = Track(CreateTable());

        Assert.Equal(etag, (await other.ReadRowAsync(grain, "tick"))!.ETag);
    }
}
