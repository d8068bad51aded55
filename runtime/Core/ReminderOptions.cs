namespace SmartCity.Twin.Runtime;

public sealed class ReminderOptions
{
    /// <summary>The shortest period a reminder may have; reminders are durable and coarse, timers are for short intervals. Default: 1 minute.</summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
