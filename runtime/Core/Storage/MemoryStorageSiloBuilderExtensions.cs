using Microsoft.Extensions.DependencyInjection;
using SmartCity.Twin.Runtime.Reminders;
using SmartCity.Twin.Runtime.Storage;

namespace SmartCity.Twin.Runtime.Hosting;

public static class MemoryStorageSiloBuilderExtensions
{
    /// <summary>Registers an in-memory <see cref="IGrainStorage"/> under <paramref name="name"/>. State is lost when the process ends.</summary>
    public static ISiloBuilder AddMemoryGrainStorage(this ISiloBuilder builder, string name = GrainStorageNames.Default)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        builder.Services.AddKeyedSingleton<IGrainStorage, MemoryGrainStorage>(name);
        return builder;
    }

    /// <summary>Registers an in-memory <see cref="IReminderTable"/>. Reminders are lost when the process ends.</summary>
    public static ISiloBuilder UseInMemoryReminders(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IReminderTable, MemoryReminderTable>();
        return builder;
    }
}
