namespace SmartCity.Twin.Grains.Alerts;

/// <summary>
/// One step in an alert's audit trail: <c>raised</c>, <c>repeated</c>, <c>acknowledged</c>, <c>resolved</c>,
/// <c>commented</c>, <c>cleared</c> (the condition ended by itself), <c>escalated</c>.
/// </summary>
/// <param name="By">The operator (user name), <c>key:{name}</c> for an API key, or <c>system</c>.</param>
public sealed record AlertTransition(string Action, string By, DateTimeOffset At, string? Note = null);
