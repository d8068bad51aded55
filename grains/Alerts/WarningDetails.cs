namespace SmartCity.Twin.Grains.Alerts;

/// <summary>
/// What a detector can add when it raises a warning on a device twin. Without evidence, the alert takes the twin's
/// latest value of every metric.
/// </summary>
/// <param name="Message">For operators, in their language (Vietnamese where the detector gives it); at most <see cref="AlertLimits.MaxTextLength"/> characters.</param>
/// <param name="Evidence">The readings that triggered the warning, by metric name.</param>
/// <param name="At">When the condition began, by the device's own readings (e.g. the reading that crossed 57 °C); default: now.</param>
/// <param name="Severity">Overrides the type's usual severity (<see cref="AlertSeverities"/>), e.g. when other sensors corroborate it.</param>
public sealed record WarningDetails(
    string? Message = null,
    IReadOnlyDictionary<string, double>? Evidence = null,
    DateTimeOffset? At = null,
    AlertSeverity? Severity = null);
