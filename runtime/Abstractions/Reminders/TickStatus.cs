namespace SmartCity.Twin.Runtime.Reminders;

/// <summary>When a reminder tick was due, and when it is delivered.</summary>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);
