using SmartCity.Twin.Runtime.Reminders;

namespace SmartCity.Twin.Runtime.Storage.Tests.Providers;

public sealed class MemoryReminderTableTests : ReminderTableSpecification
{
    private readonly MemoryReminderTable _table = new();

    protected override IReminderTable CreateTable() => _table;
}
