namespace SmartCity.Twin.Simulators.Transports;

/// <summary>How the MQTT devices of a run connect (the HTTP share of them posts instead, whatever this is).</summary>
internal enum DeviceTransport
{
    /// <summary>One MQTT connection per device, with its own credentials and its Will: as real devices connect.</summary>
    Device,

    /// <summary>A few MQTT connections, each speaking for many devices with a gateway key: for large provinces.</summary>
    Gateway,
}
