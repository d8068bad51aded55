using System.Buffers;

namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>Walks the Subscription Identifiers of a property block without allocating; use with <c>foreach</c>.</summary>
internal ref struct MqttSubscriptionIdentifierEnumerator
{
    private SequenceReader<byte> _reader;

    public MqttSubscriptionIdentifierEnumerator(ReadOnlySequence<byte> raw)
    {
        _reader = new SequenceReader<byte>(raw);
        Current = 0;
    }

    public int Current { get; private set; }

    public readonly MqttSubscriptionIdentifierEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        while (MqttPropertyWalker.TryReadId(ref _reader, out MqttPropertyId id))
        {
            if (id == MqttPropertyId.SubscriptionIdentifier)
            {
                if (MqttVariableByteInteger.TryRead(ref _reader, out int value))
                {
                    Current = value;
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
