namespace SmartCity.Twin.Gateways.Devices.Topics;

/// <summary>The last levels of a device topic: what the message is.</summary>
internal enum DeviceChannel
{
    /// <summary><c>telemetry</c>: metric values, up from the device.</summary>
    Telemetry,

    /// <summary><c>events</c>: analytics events and panel, phase or presence changes, up from the device.</summary>
    Events,

    /// <summary><c>state</c>: reported properties, up from the device.</summary>
    State,

    /// <summary><c>status</c>: <c>online</c>/<c>offline</c>, retained; the device's Will.</summary>
    Status,

    /// <summary><c>cmd/{name}</c>: a command or desired properties, down to the device.</summary>
    Command,

    /// <summary><c>reply/{name}</c>: the device's answer to a command, up from the device.</summary>
    Reply,
}
