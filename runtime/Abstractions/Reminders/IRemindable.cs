namespace SmartCity.Twin.Runtime.Reminders;

/// <summary>A grain that registers reminders implements this to receive them.</summary>
public interface IRemindable : IGrain
{
    Task ReceiveReminder(string reminderName, TickStatus status);
}
