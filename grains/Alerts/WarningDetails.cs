namespace SmartCity.Twin.Grains.Alerts;

/// <summary>
/// What a detector can add when it raises a warning on a device twin. Without evidence, the alert takes the twin's
/// latest value of every metric.
/// </summary>
/// <param name="Message">For operators, in their language (Vietnamese where the detector gives it); at most <see cref="AlertLimits.MaxTextLength"/> characters.</param>
/// <param name="Evidence">The readings that triggered the warning, by metric name.</param>
public sealed record WarningDetails(string? Message = null, IReadOnlyDictionary<string, double>? Evidence = null);
