using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Runtime.Reminders;
using SmartCity.Twin.Runtime.Storage;
using SmartCity.Twin.Runtime.Storage.Postgres;

namespace SmartCity.Twin.Runtime.Hosting;

public static class PostgresStorageSiloBuilderExtensions
{
    /// <summary>Options name of the reminder table's <see cref="PostgresStorageOptions"/>; storage providers use their own name.</summary>
    public const string ReminderOptionsName = "SmartCity.Twin.Reminders";

    /// <summary>Registers a PostgreSQL <see cref="IGrainStorage"/> as the keyed service <paramref name="name"/>.</summary>
    public static ISiloBuilder AddPostgresGrainStorage(this ISiloBuilder builder, string name, Action<PostgresStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<PostgresStorageOptions>(name).Configure(configure);
        builder.Services.AddKeyedSingleton<IGrainStorage>(
            name,
            static (services, key) => new PostgresGrainStorage(services.GetRequiredService<IOptionsMonitor<PostgresStorageOptions>>().Get((string)key!)));
        return builder;
    }

    /// <summary>Registers a PostgreSQL <see cref="IReminderTable"/>.</summary>
    public static ISiloBuilder UsePostgresReminders(this ISiloBuilder builder, Action<PostgresStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<PostgresStorageOptions>(ReminderOptionsName).Configure(configure);
        builder.Services.AddSingleton<IReminderTable>(
            static services => new PostgresReminderTable(services.GetRequiredService<IOptionsMonitor<PostgresStorageOptions>>().Get(ReminderOptionsName)));
        return builder;
    }
}
