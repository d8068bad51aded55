namespace SmartCity.Twin.Runtime.Storage.Tests.States;

/// <summary>A grain state shaped like real twin state: nested objects, lists, dictionaries, times, enums, non-ASCII text.</summary>
public sealed class SensorState
{
    public string Name { get; set; } = "";

    public SensorKind Kind { get; set; }

    public DateTimeOffset InstalledAt { get; set; }

    public Address? Location { get; set; }

    public List<Reading> Readings { get; set; } = [];

    public Dictionary<string, double> Calibration { get; set; } = [];

    public List<string> Tags { get; set; } = [];

    public int Version { get; set; }
}
