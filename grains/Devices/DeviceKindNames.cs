namespace SmartCity.Twin.Grains.Devices;

/// <summary>The lower-case names of device kinds used in topics, URLs and JSON (<c>camera</c>, <c>environment-sensor</c>...), which are also their grain types.</summary>
public static class DeviceKindNames
{
    public const string Camera = "camera";
    public const string EnvironmentSensor = "environment-sensor";
    public const string FireAlarm = "fire-alarm";
    public const string Intersection = "intersection";
    public const string ServiceCounter = "service-counter";

    public static IReadOnlyList<string> All { get; } = [Camera, EnvironmentSensor, FireAlarm, Intersection, ServiceCounter];

    public static string ToName(this DeviceKind kind) => kind switch
    {
        DeviceKind.Camera => Camera,
        DeviceKind.EnvironmentSensor => EnvironmentSensor,
        DeviceKind.FireAlarm => FireAlarm,
        DeviceKind.Intersection => Intersection,
        DeviceKind.ServiceCounter => ServiceCounter,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown device kind."),
    };

    /// <summary>Parses a kind name, exactly (ordinal, lower case).</summary>
    public static bool TryParse(ReadOnlySpan<char> name, out DeviceKind kind)
    {
        switch (name)
        {
            case Camera: kind = DeviceKind.Camera; return true;
            case EnvironmentSensor: kind = DeviceKind.EnvironmentSensor; return true;
            case FireAlarm: kind = DeviceKind.FireAlarm; return true;
            case Intersection: kind = DeviceKind.Intersection; return true;
            case ServiceCounter: kind = DeviceKind.ServiceCounter; return true;
            default: kind = default; return false;
        }
    }
}
