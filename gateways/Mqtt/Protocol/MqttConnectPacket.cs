using System.Buffers;

namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>A decoded CONNECT (3.1.1 3.1, 5.0 3.1): a view over the frame body, valid as long as the frame is.</summary>
internal readonly struct MqttConnectPacket
{
    private static ReadOnlySpan<byte> ProtocolNameMqtt => "MQTT"u8;

    /// <summary>Set even when decoding answered <see cref="MqttDecodeStatus.UnsupportedProtocolVersion"/>, so the CONNACK can be chosen.</summary>
    public byte ProtocolLevel { get; init; }

    public MqttProtocolVersion Version => (MqttProtocolVersion)ProtocolLevel;

    /// <summary>
    /// The CONNACK format to refuse an unsupported level with: a 3.1-era client (level below 5) understands only the
    /// two-byte 3.1.1 CONNACK, where <see cref="MqttReasonCode.UnsupportedProtocolVersion"/> becomes return code 0x01;
    /// anything newer gets the v5 CONNACK with 0x84 (5.0 3.1.2.2).
    /// </summary>
    public MqttProtocolVersion RefusalVersion => ProtocolLevel < (byte)MqttProtocolVersion.V500 ? MqttProtocolVersion.V311 : MqttProtocolVersion.V500;

    /// <summary>Clean Session in 3.1.1, Clean Start in 5.0.</summary>
    public bool CleanStart { get; init; }

    public ushort KeepAlive { get; init; }

    public MqttProperties Properties { get; init; }

    /// <summary>May be empty: the server then assigns one (or, 3.1.1 with Clean Session 0, refuses with 0x02).</summary>
    public ReadOnlySequence<byte> ClientIdentifier { get; init; }

    public bool HasWill { get; init; }

    public MqttQualityOfService WillQualityOfService { get; init; }

    public bool WillRetain { get; init; }

    public MqttProperties WillProperties { get; init; }

    public ReadOnlySequence<byte> WillTopic { get; init; }

    public ReadOnlySequence<byte> WillPayload { get; init; }

    public bool HasUserName { get; init; }

    public ReadOnlySequence<byte> UserName { get; init; }

    public bool HasPassword { get; init; }

    public ReadOnlySequence<byte> Password { get; init; }

    /// <summary>Decodes CONNECT; its own protocol level decides the version of everything after it.</summary>
    public static MqttDecodeResult TryDecode(in MqttFrame frame, out MqttConnectPacket packet)
    {
        packet = default;
        if (frame.PacketType != MqttPacketType.Connect)
        {
            return MqttDecodeResult.Malformed("not a CONNECT");
        }

        var reader = new SequenceReader<byte>(frame.Body);
        if (!MqttBodyReader.TryReadBinary(ref reader, out ReadOnlySequence<byte> protocolName) || !reader.TryRead(out byte level))
        {
            return MqttDecodeResult.Malformed("protocol name or level missing");
        }

        if (!MqttUtf8.SequenceEqual(protocolName, ProtocolNameMqtt) || level is not ((byte)MqttProtocolVersion.V311 or (byte)MqttProtocolVersion.V500))
        {
            // "MQIsdp" level 3 (MQTT 3.1) and anything newer land here: the server refuses with CONNACK 0x01 / 0x84.
            packet = new MqttConnectPacket { ProtocolLevel = level };
            return MqttDecodeResult.Unsupported("protocol name or level not supported");
        }

        var version = (MqttProtocolVersion)level;
        if (!reader.TryRead(out byte flags) || !MqttBodyReader.TryReadUInt16(ref reader, out ushort keepAlive))
        {
            return MqttDecodeResult.Malformed("connect flags or keep alive missing");
        }

        bool userNameFlag = (flags & 0x80) != 0;
        bool passwordFlag = (flags & 0x40) != 0;
        bool willRetain = (flags & 0x20) != 0;
        int willQos = (flags >> 3) & 0x03;
        bool willFlag = (flags & 0x04) != 0;
        bool cleanStart = (flags & 0x02) != 0;
        if ((flags & 0x01) != 0)
        {
            return MqttDecodeResult.Malformed("connect flags reserved bit set");
        }

        if (willQos == 3)
        {
            return MqttDecodeResult.Malformed("will QoS 3");
        }

        if (!willFlag && (willQos != 0 || willRetain))
        {
            return MqttDecodeResult.Malformed("will QoS or retain without will flag");
        }

        if (version == MqttProtocolVersion.V311 && passwordFlag && !userNameFlag)
        {
            return MqttDecodeResult.Malformed("password without user name");
        }

        MqttProperties properties = default;
        if (version == MqttProtocolVersion.V500)
        {
            MqttDecodeResult propertiesResult = MqttPropertyReader.TryRead(ref reader, MqttPropertyContext.Connect, out properties);
            if (!propertiesResult.IsSuccess)
            {
                return propertiesResult;
            }
        }

        if (!MqttBodyReader.TryReadString(ref reader, out ReadOnlySequence<byte> clientIdentifier))
        {
            return MqttDecodeResult.Malformed("client identifier missing or not valid UTF-8");
        }

        MqttProperties willProperties = default;
        ReadOnlySequence<byte> willTopic = default;
        ReadOnlySequence<byte> willPayload = default;
        if (willFlag)
        {
            if (version == MqttProtocolVersion.V500)
            {
                MqttDecodeResult willResult = MqttPropertyReader.TryRead(ref reader, MqttPropertyContext.Will, out willProperties);
                if (!willResult.IsSuccess)
                {
                    return willResult;
                }
            }

            if (!MqttBodyReader.TryReadString(ref reader, out willTopic))
            {
                return MqttDecodeResult.Malformed("will topic missing or not valid UTF-8");
            }

            if (!MqttTopic.IsValidName(willTopic))
            {
                return MqttDecodeResult.ProtocolError(MqttReasonCode.TopicNameInvalid, "will topic empty or with wildcards");
            }

            if (!MqttBodyReader.TryReadBinary(ref reader, out willPayload))
            {
                return MqttDecodeResult.Malformed("will payload missing");
            }
        }

        ReadOnlySequence<byte> userName = default;
        if (userNameFlag && !MqttBodyReader.TryReadString(ref reader, out userName))
        {
            return MqttDecodeResult.Malformed("user name missing or not valid UTF-8");
        }

        ReadOnlySequence<byte> password = default;
        if (passwordFlag && !MqttBodyReader.TryReadBinary(ref reader, out password))
        {
            return MqttDecodeResult.Malformed("password missing");
        }

        if (!reader.End)
        {
            return MqttDecodeResult.Malformed("bytes after the CONNECT payload");
        }

        packet = new MqttConnectPacket
        {
            ProtocolLevel = level,
            CleanStart = cleanStart,
            KeepAlive = keepAlive,
            Properties = properties,
            ClientIdentifier = clientIdentifier,
            HasWill = willFlag,
            WillQualityOfService = (MqttQualityOfService)willQos,
            WillRetain = willRetain,
            WillProperties = willProperties,
            WillTopic = willTopic,
            WillPayload = willPayload,
            HasUserName = userNameFlag,
            UserName = userName,
            HasPassword = passwordFlag,
            Password = password,
        };
        return MqttDecodeResult.Success;
    }
}
