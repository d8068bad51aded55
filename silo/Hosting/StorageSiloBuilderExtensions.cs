using SmartCity.Twin.Runtime.Hosting;
using SmartCity.Twin.Runtime.Storage;
using SmartCity.Twin.Silo.Configuration;

namespace SmartCity.Twin.Silo.Hosting;

internal static class StorageSiloBuilderExtensions
{
    /// <summary>Registers the configured provider for both grain state and reminders.</summary>
    public static ISiloBuilder UseConfiguredStorage(this ISiloBuilder silo, StorageSettings storage)
    {
        switch (storage.Provider)
        {
            case StorageProviderKind.Sqlite:
                silo.AddSqliteGrainStorage(GrainStorageNames.Default, options => ConfigureSqlite(options, storage));
                silo.UseSqliteReminders(options => ConfigureSqlite(options, storage));
                break;
            case StorageProviderKind.Postgres:
                silo.AddPostgresGrainStorage(GrainStorageNames.Default, options => options.ConnectionString = storage.ConnectionString);
                silo.UsePostgresReminders(options => options.ConnectionString = storage.ConnectionString);
                break;
            case StorageProviderKind.Memory:
                silo.AddMemoryGrainStorage(GrainStorageNames.Default);
                silo.UseInMemoryReminders();
                break;
            default:
                throw new SiloConfigurationException($"Storage:Provider '{storage.Provider}' is not available in this build.");
        }

        return silo;
    }

    private static void ConfigureSqlite(Runtime.Storage.Sqlite.SqliteStorageOptions options, StorageSettings storage)
    {
        options.ConnectionString = storage.ConnectionString;
        options.DataFolder = storage.DataPath;
        options.FileName = StorageSettings.SqliteFileName;
    }
}
