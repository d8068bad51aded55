namespace SmartCity.Twin.Grains.Alerts;

/// <summary>
/// One step in an alert's audit trail: <c>raised</c>, <c>repeated</c>, <c>acknowledged</c>, <c>resolved</c>,
/// <c>commented</c>, <c>cleared</c> (the condition ended by itself), <c>severity-raised</c> (a detector reported it
/// worse), <c>escalated</c> (nobody acknowledged it in time), <c>corroborated</c> (other sensors nearby confirm it).
/// </summary>
/// <param name="By">The operator (user name), <c>key:{name}</c> for an API key, or <c>system</c>.</param>
/// <param name="FromSeverity">The severity before this step, when the step changed it.</param>
/// <param name="ToSeverity">The severity after this step, when the step changed it.</param>
public sealed record AlertTransition(
    string Action,
    string By,
    DateTimeOffset At,
    string? Note = null,
    AlertSeverity? FromSeverity = null,
    AlertSeverity? ToSeverity = null);
