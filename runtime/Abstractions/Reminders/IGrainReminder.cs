namespace SmartCity.Twin.Runtime.Reminders;

public interface IGrainReminder
{
    string ReminderName { get; }
}
