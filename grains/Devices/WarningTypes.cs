namespace SmartCity.Twin.Grains.Devices;

/// <summary>Well-known warning types from the product brief. Any other 1–64 character name is accepted as well.</summary>
public static class WarningTypes
{
    public const string Offline = "offline";
    public const string Intrusion = "intrusion";
    public const string Tamper = "tamper";
    public const string Pollution = "pollution";
    public const string SensorFault = "sensor-fault";
    public const string FirePreAlarm = "fire-pre-alarm";
    public const string Fire = "fire";

    /// <summary>A camera's video analytics sees smoke.</summary>
    public const string Smoke = "smoke";
    public const string Fault = "fault";
    public const string Congestion = "congestion";
    public const string OfficerAbsent = "officer-absent";
    public const string QueueOverload = "queue-overload";
}
