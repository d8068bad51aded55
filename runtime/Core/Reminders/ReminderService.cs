using System.Collections.Concurrent;
using SmartCity.Twin.Runtime.Logging;

namespace SmartCity.Twin.Runtime.Reminders;

/// <summary>
/// Keeps one local timer per durable reminder row. On start it loads every row, so reminders fire again after a
/// restart: at the first period boundary (counted from the reminder's start) that is not in the past.
/// </summary>
internal sealed class ReminderService(GrainRuntime runtime, IReminderTable? table, ReminderOptions options)
{
    private readonly ConcurrentDictionary<(GrainId, string), ScheduledReminder> scheduled = new();
    private volatile bool stopped;

    private IReminderTable Table => table
        ?? throw new InvalidOperationException("No reminder table is registered. Add one, e.g. silo.UseInMemoryReminders() or silo.UseSqliteReminders(...).");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (table is null)
        {
            return;
        }

        foreach (var entry in await table.ReadAllAsync(cancellationToken))
        {
            Schedule(entry);
        }
    }

    public void Stop()
    {
        stopped = true;
        foreach (var reminder in scheduled.Values)
        {
            reminder.Timer.Dispose();
        }

        scheduled.Clear();
    }

    public async Task<IGrainReminder> RegisterOrUpdateAsync(GrainId grainId, string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrEmpty(reminderName);
        if (period < options.MinimumReminderPeriod)
        {
            throw new ArgumentOutOfRangeException(
                nameof(period),
                $"Reminder period {period} is shorter than ReminderOptions.MinimumReminderPeriod ({options.MinimumReminderPeriod}); use a grain timer for short intervals.");
        }

        if (dueTime < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), "A reminder's due time cannot be negative.");
        }

        var entry = new ReminderEntry
        {
            GrainId = grainId,
            ReminderName = reminderName,
            StartAt = runtime.TimeProvider.GetUtcNow() + dueTime,
            Period = period,
        };
        var etag = await Table.UpsertRowAsync(entry);
        Schedule(entry with { ETag = etag });
        return new GrainReminder(reminderName, etag);
    }

    public async Task UnregisterAsync(GrainId grainId, IGrainReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var row = await Table.ReadRowAsync(grainId, reminder.ReminderName);
        if (row?.ETag is not null)
        {
            await Table.RemoveRowAsync(grainId, reminder.ReminderName, row.ETag);
        }

        if (scheduled.TryRemove((grainId, reminder.ReminderName), out var local))
        {
            local.Timer.Dispose();
        }
    }

    public async Task<IGrainReminder?> GetAsync(GrainId grainId, string reminderName)
    {
        var row = await Table.ReadRowAsync(grainId, reminderName);
        return row is null ? null : new GrainReminder(row.ReminderName, row.ETag ?? string.Empty);
    }

    private void Schedule(ReminderEntry entry)
    {
        if (stopped)
        {
            return;
        }

        var reminder = new ScheduledReminder(entry);
        reminder.Timer = runtime.TimeProvider.CreateTimer(static state => ((ScheduledReminder)state!).Owner!.Fire((ScheduledReminder)state!), reminder, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        reminder.Owner = this;
        if (scheduled.TryGetValue((entry.GrainId, entry.ReminderName), out var previous))
        {
            previous.Timer.Dispose();
        }

        scheduled[(entry.GrainId, entry.ReminderName)] = reminder;
        Arm(reminder);
    }

    private void Arm(ScheduledReminder reminder)
    {
        var now = runtime.TimeProvider.GetUtcNow();
        var entry = reminder.Entry;
        var next = entry.StartAt;
        if (next < now)
        {
            var periods = Math.Ceiling((now - entry.StartAt) / entry.Period);
            next = entry.StartAt + (entry.Period * periods);
        }

        reminder.NextTick = next;
        reminder.Timer.Change(next - now, Timeout.InfiniteTimeSpan);
    }

    private void Fire(ScheduledReminder reminder)
    {
        if (stopped || !scheduled.TryGetValue((reminder.Entry.GrainId, reminder.Entry.ReminderName), out var current) || current != reminder)
        {
            return;
        }

        var entry = reminder.Entry;
        var tick = new ReminderTick(entry.ReminderName, new TickStatus(entry.StartAt, entry.Period, reminder.NextTick));
        runtime.SendTo(entry.GrainId, tick);
        _ = ObserveAsync(tick, entry);

        // The next tick is one period after this one was due, so a late delivery does not shift the schedule.
        reminder.Entry = entry;
        var now = runtime.TimeProvider.GetUtcNow();
        var next = reminder.NextTick + entry.Period;
        if (next <= now)
        {
            Arm(reminder);
        }
        else
        {
            reminder.NextTick = next;
            reminder.Timer.Change(next - now, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task ObserveAsync(ReminderTick tick, ReminderEntry entry)
    {
        try
        {
            await tick.AsValueTask();
        }
        catch (Exception exception)
        {
            RuntimeLog.ReminderFailed(runtime.Logger, entry.ReminderName, entry.GrainId, exception);
        }
    }

    private sealed class ScheduledReminder(ReminderEntry entry)
    {
        public ReminderEntry Entry { get; set; } = entry;

        public DateTimeOffset NextTick { get; set; }

        public ITimer Timer { get; set; } = null!;

        public ReminderService? Owner { get; set; }
    }
}
