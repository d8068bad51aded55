namespace SmartCity.Twin.Grains.Devices.Intersections;

internal sealed class IntersectionTwinState : DeviceTwinState
{
    public SignalPhase? SignalPhase { get; set; }
}
