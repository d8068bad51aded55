namespace SmartCity.Twin.Grains.Devices;

/// <summary>Whether a device is reachable, as far as the twin knows.</summary>
public enum DeviceLiveness
{
    /// <summary>Nothing heard from or about the device yet.</summary>
    Unknown,

    Online,

    Offline,
}
