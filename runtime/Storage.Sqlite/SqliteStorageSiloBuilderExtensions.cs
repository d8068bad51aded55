using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Runtime.Reminders;
using SmartCity.Twin.Runtime.Storage;
using SmartCity.Twin.Runtime.Storage.Sqlite;

namespace SmartCity.Twin.Runtime.Hosting;

public static class SqliteStorageSiloBuilderExtensions
{
    /// <summary>Options name of the reminder table's <see cref="SqliteStorageOptions"/>; storage providers use their own name.</summary>
    public const string ReminderOptionsName = "SmartCity.Twin.Reminders";

    /// <summary>Registers a SQLite <see cref="IGrainStorage"/> as the keyed service <paramref name="name"/>.</summary>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name, Action<SqliteStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<SqliteStorageOptions>(name).Configure(configure);
        builder.Services.AddKeyedSingleton<IGrainStorage>(
            name,
            static (services, key) => new SqliteGrainStorage(services.GetRequiredService<IOptionsMonitor<SqliteStorageOptions>>().Get((string)key!)));
        return builder;
    }

    /// <summary>Registers a SQLite <see cref="IReminderTable"/>.</summary>
    public static ISiloBuilder UseSqliteReminders(this ISiloBuilder builder, Action<SqliteStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<SqliteStorageOptions>(ReminderOptionsName).Configure(configure);
        builder.Services.AddSingleton<IReminderTable>(
            static services => new SqliteReminderTable(services.GetRequiredService<IOptionsMonitor<SqliteStorageOptions>>().Get(ReminderOptionsName)));
        return builder;
    }
}
