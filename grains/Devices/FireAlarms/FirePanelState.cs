namespace SmartCity.Twin.Grains.Devices.FireAlarms;

/// <summary>The state a fire-alarm control panel reports.</summary>
public enum FirePanelState
{
    Normal,

    /// <summary>A detector crossed its pre-alarm threshold: someone should check before the alarm sounds.</summary>
    PreAlarm,

    Alarm,

    /// <summary>The panel or a loop reports a fault: it may not detect a fire.</summary>
    Fault,
}
