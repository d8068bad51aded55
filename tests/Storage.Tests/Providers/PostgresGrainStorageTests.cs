using SmartCity.Twin.Runtime.Storage.Postgres;
using SmartCity.Twin.Runtime.Storage.Tests.States;
using SmartCity.Twin.Runtime.Storage.Tests.Support;

namespace SmartCity.Twin.Runtime.Storage.Tests.Providers;

public sealed class PostgresGrainStorageTests : GrainStorageSpecification
{
    private readonly PostgresTestDatabase _database = new();

    protected override IGrainStorage CreateStorage() => new PostgresGrainStorage(Options());

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Many_providers_creating_the_schema_at_the_same_time_all_succeed()
    {
        var providers = Enumerable.Range(0, 8).Select(_ => Track(CreateStorage())).ToArray();

        await Task.WhenAll(providers.Select((provider, i) => Task.Run(() =>
            provider.WriteStateAsync("counter", NewGrainId(), new TestGrainState<CounterState> { State = new CounterState { Count = i } }))));
    }

    [Fact]
    public async Task State_survives_disposing_the_provider_and_creating_a_new_one()
    {
        var grain = NewGrainId();
        await using (var first = new PostgresGrainStorage(Options()))
        {
            await first.WriteStateAsync("sensor", grain, new TestGrainState<SensorState> { State = SampleSensor() });
        }

        await using var second = new PostgresGrainStorage(Options());
        var read = new TestGrainState<SensorState>();
        await second.ReadStateAsync("sensor", grain, read);

        Assert.Equal(SampleSensor().Name, read.State.Name);
    }

    private PostgresStorageOptions Options() => new()
    {
        ConnectionString = _database.ConnectionString,
        Schema = _database.Schema,
        GrainStateTableName = "grain_state",
    };
}
