namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>The protocol level byte of CONNECT: the only two versions the endpoint speaks.</summary>
public enum MqttProtocolVersion : byte
{
    /// <summary>MQTT 3.1.1 (OASIS Standard, 2014), protocol level 4.</summary>
    V311 = 4,

    /// <summary>MQTT 5.0 (OASIS Standard, 2019), protocol level 5.</summary>
    V500 = 5,
}
