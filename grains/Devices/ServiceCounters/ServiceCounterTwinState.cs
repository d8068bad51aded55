namespace SmartCity.Twin.Grains.Devices.ServiceCounters;

internal sealed class ServiceCounterTwinState : DeviceTwinState
{
    public OfficerPresence? OfficerPresence { get; set; }
}
