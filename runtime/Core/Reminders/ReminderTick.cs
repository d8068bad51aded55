using SmartCity.Twin.Runtime.CodeGeneration;

namespace SmartCity.Twin.Runtime.Reminders;

/// <summary>Delivers one reminder tick to <see cref="IRemindable.ReceiveReminder"/>, as an ordinary turn of the grain.</summary>
internal sealed class ReminderTick(string reminderName, TickStatus status) : Request<VoidResult>
{
    public override string MethodName => "IRemindable.ReceiveReminder(" + reminderName + ")";

    protected override ValueTask<VoidResult> Invoke(object grain)
    {
        if (grain is not IRemindable remindable)
        {
            throw new InvalidOperationException($"Grain class {grain.GetType().Name} has reminders but does not implement {nameof(IRemindable)}.");
        }

        return FromTask(remindable.ReceiveReminder(reminderName, status));
    }
}
