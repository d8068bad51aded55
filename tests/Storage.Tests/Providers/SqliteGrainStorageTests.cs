using SmartCity.Twin.Runtime.Storage.Sqlite;
using SmartCity.Twin.Runtime.Storage.Tests.States;
using SmartCity.Twin.Runtime.Storage.Tests.Support;

namespace SmartCity.Twin.Runtime.Storage.Tests.Providers;

public sealed class SqliteGrainStorageTests : GrainStorageSpecification
{
    private readonly TemporaryFolder _folder = new();

    protected override IGrainStorage CreateStorage() =>
        new SqliteGrainStorage(new SqliteStorageOptions { DataFolder = System.IO.Path.Combine(_folder.Path, "nested", "data") });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task The_database_file_is_created_as_twin_db_in_the_data_folder_which_is_created_if_missing()
    {
        await Storage.WriteStateAsync("counter", NewGrainId(), new TestGrainState<CounterState>());

        Assert.True(File.Exists(System.IO.Path.Combine(_folder.Path, "nested", "data", SqliteStorageOptions.DefaultFileName)));
    }

    [Fact]
    public async Task State_survives_closing_the_provider_and_opening_a_new_one_on_the_same_file()
    {
        var grain = NewGrainId();
        var state = new TestGrainState<SensorState> { State = SampleSensor() };
        await using (var first = new SqliteGrainStorage(new SqliteStorageOptions { DataFolder = _folder.Path, FileName = "reopen.db" }))
        {
            await first.WriteStateAsync("sensor", grain, state);
        }

        await using var reopened = new SqliteGrainStorage(new SqliteStorageOptions { DataFolder = _folder.Path, FileName = "reopen.db" });
        var read = new TestGrainState<SensorState>();
        await reopened.ReadStateAsync("sensor", grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
        Assert.Equal(SampleSensor().Name, read.State.Name);
        read.State.Version++;
        await reopened.WriteStateAsync("sensor", grain, read);
    }

    [Fact]
    public async Task A_connection_string_can_be_given_instead_of_a_folder()
    {
        var file = System.IO.Path.Combine(_folder.Path, "explicit", "custom.db");
        await using var storage = new SqliteGrainStorage(new SqliteStorageOptions { ConnectionString = $"Data Source={file}" });

        await storage.WriteStateAsync("counter", NewGrainId(), new TestGrainState<CounterState>());

        Assert.True(File.Exists(file));
    }

    [Fact]
    public async Task One_hundred_thousand_small_writes_finish_in_seconds_not_minutes()
    {
        const int Grains = 100_000;
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        await Parallel.ForEachAsync(Enumerable.Range(0, Grains), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
            await Storage.WriteStateAsync("counter", new GrainId("counter", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), new TestGrainState<CounterState> { State = new CounterState { Count = i } }));

        stopwatch.Stop();
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(60), $"{Grains} writes took {stopwatch.Elapsed}.");
        Assert.Equal(Grains - 1, (await ReadCounter(new GrainId("counter", (Grains - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))).State.Count);
    }
}
