namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>The options byte after each SUBSCRIBE topic filter (3.1.1 3.8.3: only the QoS; 5.0 3.8.3.1).</summary>
internal readonly record struct MqttSubscriptionOptions(
    MqttQualityOfService MaximumQualityOfService,
    bool NoLocal = false,
    bool RetainAsPublished = false,
    MqttRetainHandling RetainHandling = MqttRetainHandling.SendAtSubscribe)
{
    public byte ToByte() =>
        (byte)((byte)MaximumQualityOfService | (NoLocal ? 0x04 : 0) | (RetainAsPublished ? 0x08 : 0) | ((byte)RetainHandling << 4));

    /// <summary>Reserved bits or QoS 3 are malformed; Retain Handling 3 is a protocol error (MQTT-3.8.3-5, 3.1.1 MQTT-3.8.3-4).</summary>
    public static MqttDecodeResult TryParse(byte value, MqttProtocolVersion version, out MqttSubscriptionOptions options)
    {
        options = default;
        byte reserved = version == MqttProtocolVersion.V500 ? (byte)0xC0 : (byte)0xFC;
        if ((value & reserved) != 0 || (value & 0x03) == 0x03)
        {
            return MqttDecodeResult.Malformed("subscription options reserved bits set or QoS 3");
        }

        if ((value >> 4 & 0x03) == 0x03)
        {
            return MqttDecodeResult.ProtocolError("retain handling 3");
        }

        options = new MqttSubscriptionOptions(
            (MqttQualityOfService)(value & 0x03), (value & 0x04) != 0, (value & 0x08) != 0, (MqttRetainHandling)(value >> 4 & 0x03));
        return MqttDecodeResult.Success;
    }
}
