namespace SmartCity.Twin.Grains.Devices.FireAlarms;

internal sealed class FireAlarmTwinState : DeviceTwinState
{
    public FirePanelState PanelState { get; set; }

    public DateTimeOffset? PanelStateSince { get; set; }
}
