using SmartCity.Twin.Runtime.Reminders;

namespace SmartCity.Twin.Runtime.Tests.Grains;

public interface IAlarmClockGrain : IGrainWithStringKey, IRemindable
{
    Task StartTicking(TimeSpan period);

    Task SetReminder(string name, TimeSpan dueTime, TimeSpan period);

    Task CancelReminder(string name);
}
