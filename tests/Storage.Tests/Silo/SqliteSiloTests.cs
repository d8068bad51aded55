using SmartCity.Twin.Runtime.Hosting;
using SmartCity.Twin.Runtime.Storage.Sqlite;
using SmartCity.Twin.Runtime.Storage.Tests.Support;

namespace SmartCity.Twin.Runtime.Storage.Tests.Silo;

public sealed class SqliteSiloTests : DurableSiloSpecification
{
    private readonly TemporaryFolder folder = new();

    protected override void UseProvider(ISiloBuilder silo)
        => silo.AddSqliteGrainStorage(GrainStorageNames.Default, o => o.DataFolder = folder.Path)
            .UseSqliteReminders(o => o.DataFolder = folder.Path);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}
