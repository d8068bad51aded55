namespace SmartCity.Twin.Gateways.Devices.Identity;

/// <summary>What an API key used as an MQTT password lets the connection do.</summary>
internal enum KeyAccess
{
    /// <summary>Not a valid key, or a key that grants nothing over MQTT.</summary>
    None,

    /// <summary>Watch the device topics under <c>city/</c>, publish nothing (<see cref="OperatorPolicy"/>).</summary>
    Operator,

    /// <summary>Publish device messages on behalf of any registered device (<see cref="GatewayPolicy"/>).</summary>
    Gateway,
}
