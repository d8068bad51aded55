using Microsoft.Extensions.DependencyInjection;
using SmartCity.Twin.Runtime.Hosting;
using SmartCity.Twin.Runtime.Reminders;
using SmartCity.Twin.Runtime.Storage.Postgres;
using SmartCity.Twin.Runtime.Storage.Sqlite;
using SmartCity.Twin.Runtime.Storage.Tests.States;
using SmartCity.Twin.Runtime.Storage.Tests.Support;

namespace SmartCity.Twin.Runtime.Storage.Tests;

public sealed class SiloBuilderRegistrationTests
{
    [Fact]
    public void Memory_storage_is_a_keyed_singleton_under_the_default_name_unless_named()
    {
        var silo = new TestSiloBuilder();
        silo.AddMemoryGrainStorage().AddMemoryGrainStorage("archive").UseInMemoryReminders();
        using var services = silo.Services.BuildServiceProvider();

        var first = services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default);
        Assert.IsType<MemoryGrainStorage>(first);
        Assert.Same(first, services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default));
        Assert.NotSame(first, services.GetRequiredKeyedService<IGrainStorage>("archive"));
        Assert.IsType<MemoryReminderTable>(services.GetRequiredService<IReminderTable>());
    }

    [Fact]
    public async Task Sqlite_storage_and_reminders_use_the_options_they_were_configured_with()
    {
        using var folder = new TemporaryFolder();
        var silo = new TestSiloBuilder();
        silo.AddSqliteGrainStorage("a", o => o.DataFolder = folder.Path)
            .AddSqliteGrainStorage("b", o => { o.DataFolder = folder.Path; o.FileName = "b.db"; })
            .UseSqliteReminders(o => { o.DataFolder = folder.Path; o.FileName = "reminders.db"; });
        await using (var services = silo.Services.BuildServiceProvider())
        {
            await services.GetRequiredKeyedService<IGrainStorage>("a").WriteStateAsync("s", new GrainId("t", "k"), new TestGrainState<CounterState>());
            await services.GetRequiredKeyedService<IGrainStorage>("b").WriteStateAsync("s", new GrainId("t", "k"), new TestGrainState<CounterState>());
            await services.GetRequiredService<IReminderTable>().ReadAllAsync();
            Assert.IsType<SqliteGrainStorage>(services.GetRequiredKeyedService<IGrainStorage>("a"));
        }

        Assert.True(File.Exists(Path.Combine(folder.Path, SqliteStorageOptions.DefaultFileName)));
        Assert.True(File.Exists(Path.Combine(folder.Path, "b.db")));
        Assert.True(File.Exists(Path.Combine(folder.Path, "reminders.db")));
    }

    [Fact]
    public async Task Postgres_storage_and_reminders_resolve_from_their_extension_methods()
    {
        await using var database = new PostgresTestDatabase();
        var silo = new TestSiloBuilder();
        silo.AddPostgresGrainStorage("pg", o => { o.ConnectionString = database.ConnectionString; o.Schema = database.Schema; })
            .UsePostgresReminders(o => { o.ConnectionString = database.ConnectionString; o.Schema = database.Schema; });
        await using var services = silo.Services.BuildServiceProvider();

        var storage = Assert.IsType<PostgresGrainStorage>(services.GetRequiredKeyedService<IGrainStorage>("pg"));
        await storage.WriteStateAsync("s", new GrainId("t", "k"), new TestGrainState<CounterState>());
        Assert.Empty(await Assert.IsType<PostgresReminderTable>(services.GetRequiredService<IReminderTable>()).ReadAllAsync());
    }
}
