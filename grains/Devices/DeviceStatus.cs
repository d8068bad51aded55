namespace SmartCity.Twin.Grains.Devices;

/// <summary>A connectivity report about a device: a gateway's connect/disconnect, an MQTT last-will, a health probe.</summary>
public enum DeviceStatus
{
    Online,
    Offline,
}
