namespace SmartCity.Twin.Runtime.Reminders;

internal sealed record GrainReminder(string ReminderName, string ETag) : IGrainReminder;
