namespace SmartCity.Twin.Runtime.Storage.Tests.States;

public enum SensorKind
{
    Unknown,
    TrafficCounter,
    AirQuality,
}
