namespace SmartCity.Twin.Gateways.Devices.Commands;

internal enum DeviceCommandStatus
{
    /// <summary>The device answered on its reply topic.</summary>
    Replied,

    /// <summary>The command reached the device's subscription (or its offline queue) but no reply came in time.</summary>
    TimedOut,

    /// <summary>No session of the device is subscribed to commands: nothing was sent.</summary>
    NotSubscribed,
}
