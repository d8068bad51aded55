using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;

namespace SmartCity.Twin.Gateways.Mqtt.Broker.Wire;

/// <summary>
/// Reads MQTT data types (MQTT 5.0 1.5) from one packet's body. A small stop-gap inside the endpoint until the shared
/// codec in <c>Protocol/</c> is complete; every overrun or invalid encoding throws <see cref="MqttMalformedPacketException"/>.
/// </summary>
internal ref struct MqttWireReader(ReadOnlySpan<byte> body)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _body = body;
    private int _position;

    public readonly int Remaining => _body.Length - _position;

    public readonly int Position => _position;

    public readonly ReadOnlySpan<byte> Rest => _body[_position..];

    public byte ReadByte()
    {
        Require(1);
        return _body[_position++];
    }

    public ushort ReadUInt16()
    {
        Require(2);
        var value = BinaryPrimitives.ReadUInt16BigEndian(_body[_position..]);
        _position += 2;
        return value;
    }

    public uint ReadUInt32()
    {
        Require(4);
        var value = BinaryPrimitives.ReadUInt32BigEndian(_body[_position..]);
        _position += 4;
        return value;
    }

    /// <summary>Variable Byte Integer, at most four bytes (MQTT 5.0 1.5.5).</summary>
    public int ReadVariableInteger()
    {
        var value = 0;
        for (var i = 0; i < 4; i++)
        {
            var b = ReadByte();
            value |= (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new MqttMalformedPacketException("Variable byte integer longer than four bytes.");
    }

    public ReadOnlySpan<byte> ReadBinary()
    {
        var length = ReadUInt16();
        Require(length);
        var value = _body.Slice(_position, length);
        _position += length;
        return value;
    }

    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        Require(count);
        var value = _body.Slice(_position, count);
        _position += count;
        return value;
    }

    /// <summary>UTF-8 string: well-formed, no U+0000 (MQTT-1.5.4-1, MQTT-1.5.4-2).</summary>
    public string ReadString() => Decode(ReadBinary());

    public static string Decode(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IndexOf((byte)0) >= 0)
        {
            throw new MqttMalformedPacketException("UTF-8 string contains U+0000.");
        }

        if (!Utf8.IsValid(utf8))
        {
            throw new MqttMalformedPacketException("Ill-formed UTF-8 string.");
        }

        return StrictUtf8.GetString(utf8);
    }

    private readonly void Require(int count)
    {
        if (count > _body.Length - _position)
        {
            throw new MqttMalformedPacketException("Packet shorter than its fields.");
        }
    }
}
