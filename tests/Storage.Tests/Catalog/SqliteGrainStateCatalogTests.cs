using SmartCity.Twin.Runtime.Storage.Sqlite;
using SmartCity.Twin.Runtime.Storage.Tests.Support;

namespace SmartCity.Twin.Runtime.Storage.Tests.Catalog;

public sealed class SqliteGrainStateCatalogTests : GrainStateCatalogSpecification
{
    private readonly TemporaryFolder _folder = new();

    protected override IGrainStorage CreateStorage() => new SqliteGrainStorage(new SqliteStorageOptions { DataFolder = _folder.Path });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }
}
