using System.Buffers;

namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>Walks the User Properties of a property block without allocating; use with <c>foreach</c>.</summary>
internal ref struct MqttUserPropertyEnumerator
{
    private SequenceReader<byte> _reader;

    public MqttUserPropertyEnumerator(ReadOnlySequence<byte> raw)
    {
        _reader = new SequenceReader<byte>(raw);
        Current = default;
    }

    public MqttUserPropertyView Current { get; private set; }

    public readonly MqttUserPropertyEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        while (MqttPropertyWalker.TryReadId(ref _reader, out MqttPropertyId id))
        {
            if (id == MqttPropertyId.UserProperty)
            {
                if (MqttBodyReader.TryReadBinary(ref _reader, out ReadOnlySequence<byte> name)
                    && MqttBodyReader.TryReadBinary(ref _reader, out ReadOnlySequence<byte> value))
                {
                    Current = new MqttUserPropertyView(name, value);
                    return true;
                }

                return false;
            }

            if (!MqttPropertyWalker.TrySkipValue(ref _reader, id))
            {
                return false;
            }
        }

        return false;
    }
}
