using SmartCity.Twin.Runtime.Reminders;
using SmartCity.Twin.Runtime.Storage.Postgres;
using SmartCity.Twin.Runtime.Storage.Tests.Support;

namespace SmartCity.Twin.Runtime.Storage.Tests.Providers;

public sealed class PostgresReminderTableTests : ReminderTableSpecification
{
    private readonly PostgresTestDatabase _database = new();

    protected override IReminderTable CreateTable() =>
        new PostgresReminderTable(new PostgresStorageOptions { ConnectionString = _database.ConnectionString, Schema = _database.Schema });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
