namespace SmartCity.Twin.Simulators.Evaluation;

/// <summary>The living province with no drill for some days: every alert is false unless the simulation's own faults explain it.</summary>
internal sealed record QuietRunScore(
    DateTimeOffset Start,
    int Days,
    int Devices,
    IReadOnlyDictionary<string, EventCounts> ByType,
    IReadOnlyList<RaisedWarning> FalseAlerts,
    long Messages,
    string? Refusals,
    TimeSpan Wall)
{
    public double SensorDays => (double)Devices * Days;

    /// <summary>False alerts of <paramref name="type"/> per 1,000 sensor-days.</summary>
    public double FalsePer1000SensorDays(string type) =>
        ByType.TryGetValue(type, out var counts) && SensorDays > 0 ? counts.FalsePositives * 1000 / SensorDays : 0;
}
