using SmartCity.Twin.Runtime.Reminders;
using SmartCity.Twin.Runtime.Storage.Sqlite;
using SmartCity.Twin.Runtime.Storage.Tests.Support;

namespace SmartCity.Twin.Runtime.Storage.Tests.Providers;

public sealed class SqliteReminderTableTests : ReminderTableSpecification
{
    private readonly TemporaryFolder _folder = new();

    protected override IReminderTable CreateTable() => new SqliteReminderTable(new SqliteStorageOptions { DataFolder = _folder.Path });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Reminders_survive_closing_the_table_and_opening_a_new_one_on_the_same_file()
    {
        var grain = new GrainId("camera", "cam-7");
        var entry = new ReminderEntry { GrainId = grain, ReminderName = "snapshot", StartAt = DateTimeOffset.UnixEpoch.AddTicks(1), Period = TimeSpan.FromTicks(7) };
        string etag;
        await using (var first = new SqliteReminderTable(new SqliteStorageOptions { DataFolder = _folder.Path, FileName = "reopen.db" }))
        {
            etag = await first.UpsertRowAsync(entry);
        }

        await using var reopened = new SqliteReminderTable(new SqliteStorageOptions { DataFolder = _folder.Path, FileName = "reopen.db" });

        Assert.Equal(entry with { ETag = etag }, await reopened.ReadRowAsync(grain, "snapshot"));
    }

    [Fact]
    public async Task Grain_state_and_reminders_can_share_one_file()
    {
        var options = new SqliteStorageOptions { DataFolder = _folder.Path, FileName = "shared.db" };
        await using var storage = new SqliteGrainStorage(options);
        await using var reminders = new SqliteReminderTable(options);
        var grain = new GrainId("camera", "cam-8");

        await Task.WhenAll(
            storage.WriteStateAsync("counter", grain, new TestGrainState<States.CounterState>()),
            reminders.UpsertRowAsync(new ReminderEntry { GrainId = grain, ReminderName = "r", StartAt = DateTimeOffset.UnixEpoch, Period = TimeSpan.FromSeconds(1) }));

        Assert.NotNull(await reminders.ReadRowAsync(grain, "r"));
    }
}
