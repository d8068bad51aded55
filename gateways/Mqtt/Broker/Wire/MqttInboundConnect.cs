using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Broker.Wire;

/// <summary>A decoded CONNECT (MQTT 3.1.1 3.1, MQTT 5.0 3.1).</summary>
internal sealed class MqttInboundConnect
{
    public byte ProtocolLevel { get; private set; }

    public MqttProtocolVersion Version => (MqttProtocolVersion)ProtocolLevel;

    /// <summary>False when the protocol name or level is not one the endpoint speaks; nothing else was decoded.</summary>
    public bool IsSupportedVersion { get; private set; }

    public bool CleanStart { get; private set; }

    public ushort KeepAliveSeconds { get; private set; }

    public string ClientId { get; private set; } = "";

    public string? Username { get; private set; }

    public byte[]? Password { get; private set; }

    public MqttWill? Will { get; private set; }

    public uint SessionExpiryInterval { get; private set; }

    public ushort ReceiveMaximum { get; private set; } = ushort.MaxValue;

    public uint MaximumPacketSize { get; private set; }

    public ushort TopicAliasMaximum { get; private set; }

    public bool RequestProblemInformation { get; private set; } = true;

    public string? AuthenticationMethod { get; private set; }

    public static MqttInboundConnect Parse(ReadOnlySpan<byte> body)
    {
        var packet = new MqttInboundConnect();
        var reader = new MqttWireReader(body);
        var name = reader.ReadBinary();
        packet.ProtocolLevel = reader.ReadByte();
        if (!name.SequenceEqual("MQTT"u8) || packet.ProtocolLevel is not (4 or 5))
        {
            // MQTT 3.1 ("MQIsdp", level 3) and anything else: CONNACK 0x01 / 0x84 (MQTT-3.1.2-2).
            if (!name.SequenceEqual("MQTT"u8) && !name.SequenceEqual("MQIsdp"u8))
            {
                throw new MqttMalformedPacketException("Unknown protocol name.");
            }

            return packet;
        }

        packet.IsSupportedVersion = true;
        var isV5 = packet.ProtocolLevel == 5;
        var flags = reader.ReadByte();
        if ((flags & 0x01) != 0)
        {
            throw new MqttMalformedPacketException("CONNECT reserved flag set (MQTT-3.1.2-3).");
        }

        packet.CleanStart = (flags & 0x02) != 0;
        var willFlag = (flags & 0x04) != 0;
        var willQos = (flags >> 3) & 0x03;
        var willRetain = (flags & 0x20) != 0;
        var hasPassword = (flags & 0x40) != 0;
        var hasUsername = (flags & 0x80) != 0;
        if (willQos == 3)
        {
            throw new MqttMalformedPacketException("Will QoS 3 (MQTT-3.1.2-14).");
        }

        if (!willFlag && (willQos != 0 || willRetain))
        {
            throw new MqttMalformedPacketException("Will QoS or Retain without a Will (MQTT-3.1.2-11, MQTT-3.1.2-13).");
        }

        if (!isV5 && hasPassword && !hasUsername)
        {
            throw new MqttMalformedPacketException("Password without user name (MQTT-3.1.2-22).");
        }

        packet.KeepAliveSeconds = reader.ReadUInt16();
        if (isV5)
        {
            packet.ReadConnectProperties(ref reader);
        }

        packet.ClientId = reader.ReadString();
        if (willFlag)
        {
            uint delay = 0;
            uint? expiry = null;
            byte? format = null;
            string? contentType = null;
            string? responseTopic = null;
            byte[]? correlation = null;
            List<(string, string)>? userProperties = null;
            if (isV5)
            {
                var properties = new MqttWireReader(reader.ReadBytes(reader.ReadVariableInteger()));
                var seen = 0UL;
                while (properties.Remaining > 0)
                {
                    var id = properties.ReadByte();
                    if (id != MqttWireWriter.PropertyUserProperty)
                    {
                        MarkOnce(ref seen, id);
                    }

                    switch (id)
                    {
                        case 0x18: delay = properties.ReadUInt32(); break;
                        case 0x01:
                            format = properties.ReadByte();
                            if (format > 1)
                            {
                                throw new MqttMalformedPacketException("Payload Format Indicator not 0 or 1.", MqttReasonCode.ProtocolError);
                            }

                            break;
                        case 0x02: expiry = properties.ReadUInt32(); break;
                        case 0x03: contentType = properties.ReadString(); break;
                        case 0x08:
                            responseTopic = properties.ReadString();
                            if (!MqttTopicMatcher.IsValidTopicName(responseTopic))
                            {
                                throw new MqttMalformedPacketException("Response Topic with wildcards.", MqttReasonCode.ProtocolError);
                            }

                            break;
                        case 0x09: correlation = properties.ReadBinary().ToArray(); break;
                        case 0x26: (userProperties ??= []).Add((properties.ReadString(), properties.ReadString())); break;
                        default: throw new MqttMalformedPacketException($"Property 0x{id:X2} not allowed in Will properties.");
                    }
                }
            }

            var topic = reader.ReadString();
            if (!MqttTopicMatcher.IsValidTopicName(topic))
            {
                throw new MqttMalformedPacketException("Will topic is not a valid topic name.");
            }

            var payload = reader.ReadBinary().ToArray();
            packet.Will = new MqttWill(topic, payload, (MqttQualityOfService)willQos, willRetain, delay, expiry, format, contentType, responseTopic, correlation, userProperties);
        }

        if (hasUsername)
        {
            packet.Username = reader.ReadString();
        }

        if (hasPassword)
        {
            packet.Password = reader.ReadBinary().ToArray();
        }

        if (reader.Remaining != 0)
        {
            throw new MqttMalformedPacketException("Bytes after the CONNECT payload.");
        }

        return packet;
    }

    private void ReadConnectProperties(ref MqttWireReader reader)
    {
        var properties = new MqttWireReader(reader.ReadBytes(reader.ReadVariableInteger()));
        var seen = 0UL;
        while (properties.Remaining > 0)
        {
            var id = properties.ReadByte();
            if (id != MqttWireWriter.PropertyUserProperty)
            {
                MarkOnce(ref seen, id);
            }

            switch (id)
            {
                case 0x11: SessionExpiryInterval = properties.ReadUInt32(); break;
                case 0x21:
                    ReceiveMaximum = properties.ReadUInt16();
                    if (ReceiveMaximum == 0)
                    {
                        throw new MqttMalformedPacketException("Receive Maximum 0 (MQTT 5.0 3.1.2.11.3).", MqttReasonCode.ProtocolError);
                    }

                    break;
                case 0x27:
                    MaximumPacketSize = properties.ReadUInt32();
                    if (MaximumPacketSize == 0)
                    {
                        throw new MqttMalformedPacketException("Maximum Packet Size 0.", MqttReasonCode.ProtocolError);
                    }

                    break;
                case 0x22: TopicAliasMaximum = properties.ReadUInt16(); break;
                case 0x19:
                    if (properties.ReadByte() > 1)
                    {
                        throw new MqttMalformedPacketException("Request Response Information not 0 or 1.", MqttReasonCode.ProtocolError);
                    }

                    break;
                case 0x17:
                    var request = properties.ReadByte();
                    if (request > 1)
                    {
                        throw new MqttMalformedPacketException("Request Problem Information not 0 or 1.", MqttReasonCode.ProtocolError);
                    }

                    RequestProblemInformation = request == 1;
                    break;
                case 0x26: properties.ReadString(); properties.ReadString(); break;
                case 0x15: AuthenticationMethod = properties.ReadString(); break;
                case 0x16: properties.ReadBinary(); break;
                default: throw new MqttMalformedPacketException($"Property 0x{id:X2} not allowed in CONNECT.");
            }
        }
    }

    /// <summary>A property other than User Property may appear once (MQTT 5.0 2.2.2.2: twice is a Protocol Error).</summary>
    internal static void MarkOnce(ref ulong seen, byte id)
    {
        var bit = 1UL << (id & 63);
        if ((seen & bit) != 0)
        {
            throw new MqttMalformedPacketException($"Property 0x{id:X2} appears twice.", MqttReasonCode.ProtocolError);
        }

        seen |= bit;
    }
}
