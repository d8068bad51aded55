using SmartCity.Twin.Runtime.Reminders;

namespace SmartCity.Twin.Runtime.Tests.Grains;

[GrainType("alarm-clock")]
[CollectionAgeLimit(Minutes = 2)]
public sealed class AlarmClockGrain(ActivationJournal journal) : Grain, IAlarmClockGrain
{
    private int ticks;

    public Task StartTicking(TimeSpan period)
    {
        RegisterGrainTimer(
            _ =>
            {
                ticks++;
                journal.Events.Enqueue($"tick {GetPrimaryKeyString()} {ticks}");
                return Task.CompletedTask;
            },
            period,
            period);
        return Task.CompletedTask;
    }

    public Task SetReminder(string name, TimeSpan dueTime, TimeSpan period) => RegisterOrUpdateReminder(name, dueTime, period);

    public async Task CancelReminder(string name)
    {
        var reminder = await GetReminder(name);
        if (reminder is not null)
        {
            await UnregisterReminder(reminder);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        journal.Events.Enqueue($"reminder {GetPrimaryKeyString()} {reminderName} {status.CurrentTickTime:HH:mm}");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        journal.Events.Enqueue($"deactivate {GetPrimaryKeyString()} {reason}");
        return Task.CompletedTask;
    }
}
