namespace SmartCity.Twin.Silo.Demo;

/// <summary>The device kinds of the demo province, each backed by its own twin interface.</summary>
internal enum DemoDeviceKind
{
    Camera,
    EnvironmentSensor,
    FireAlarm,
    Intersection,
    ServiceCounter,
}
