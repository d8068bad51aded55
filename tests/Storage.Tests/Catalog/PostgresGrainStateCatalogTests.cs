using SmartCity.Twin.Runtime.Storage.Postgres;
using SmartCity.Twin.Runtime.Storage.Tests.Support;

namespace SmartCity.Twin.Runtime.Storage.Tests.Catalog;

public sealed class PostgresGrainStateCatalogTests : GrainStateCatalogSpecification
{
    private readonly PostgresTestDatabase _database = new();

    protected override IGrainStorage CreateStorage() => new PostgresGrainStorage(new PostgresStorageOptions
    {
        ConnectionString = _database.ConnectionString,
        Schema = _database.Schema,
        GrainStateTableName = "grain_state",
    });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
