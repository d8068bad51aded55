using SmartCity.Twin.Runtime.Hosting;
using SmartCity.Twin.Runtime.Storage.Postgres;
using SmartCity.Twin.Runtime.Storage.Tests.Support;

namespace SmartCity.Twin.Runtime.Storage.Tests.Silo;

public sealed class PostgresSiloTests : DurableSiloSpecification
{
    private readonly PostgresTestDatabase database = new();

    protected override void UseProvider(ISiloBuilder silo)
        => silo.AddPostgresGrainStorage(GrainStorageNames.Default, o => { o.ConnectionString = database.ConnectionString; o.Schema = database.Schema; })
            .UsePostgresReminders(o => { o.ConnectionString = database.ConnectionString; o.Schema = database.Schema; });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
    }
}
