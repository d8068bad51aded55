using SmartCity.Twin.Grains.Warnings.Fire;

namespace SmartCity.Twin.Grains.Devices.FireAlarms;

internal sealed class FireAlarmTwinState : DeviceTwinState
{
    public FirePanelState PanelState { get; set; }

    public DateTimeOffset? PanelStateSince { get; set; }

    /// <summary>The fire rule's memory of the readings; <c>null</c> until the first temperature or smoke reading.</summary>
    public FireWatch? Fire { get; set; }

    /// <summary>Whether this twin's detector raised <c>fire</c> and has not cleared it (a caller's own raise is left alone).</summary>
    public bool FireRaised { get; set; }

    /// <summary>Whether the raised <c>fire</c> is critical (the panel alarms, or agrees with the readings).</summary>
    public bool FireRaisedCritical { get; set; }

    /// <summary>Whether this twin's detector raised <c>fire-pre-alarm</c> and has not cleared it.</summary>
    public bool PreAlarmRaised { get; set; }
}
