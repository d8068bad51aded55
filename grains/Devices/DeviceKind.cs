namespace SmartCity.Twin.Grains.Devices;

/// <summary>The kinds of field device the twin models; each has its own grain interface and grain type.</summary>
public enum DeviceKind
{
    /// <summary><see cref="Cameras.ICameraTwin"/>, grain type <c>camera</c>.</summary>
    Camera,

    /// <summary><see cref="EnvironmentSensors.IEnvironmentSensorTwin"/>, grain type <c>environment-sensor</c>.</summary>
    EnvironmentSensor,

    /// <summary><see cref="FireAlarms.IFireAlarmTwin"/>, grain type <c>fire-alarm</c>.</summary>
    FireAlarm,

    /// <summary><see cref="Intersections.IIntersectionTwin"/>, grain type <c>intersection</c>.</summary>
    Intersection,

    /// <summary><see cref="ServiceCounters.IServiceCounterTwin"/>, grain type <c>service-counter</c>.</summary>
    ServiceCounter,
}
