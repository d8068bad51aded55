using System.Buffers;

namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>Walks the already validated entries of SUBSCRIBE or UNSUBSCRIBE; use with <c>foreach</c>.</summary>
internal ref struct MqttTopicFilterEnumerator
{
    private SequenceReader<byte> _reader;
    private readonly bool _withOptions;

    public MqttTopicFilterEnumerator(ReadOnlySequence<byte> entries, bool withOptions)
    {
        _reader = new SequenceReader<byte>(entries);
        _withOptions = withOptions;
        Current = default;
    }

    public MqttTopicFilterView Current { get; private set; }

    public readonly MqttTopicFilterEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        if (!MqttBodyReader.TryReadBinary(ref _reader, out ReadOnlySequence<byte> filter))
        {
            return false;
        }

        MqttSubscriptionOptions options = default;
        if (_withOptions)
        {
            if (!_reader.TryRead(out byte raw))
            {
                return false;
            }

            MqttSubscriptionOptions.TryParse(raw, MqttProtocolVersion.V500, out options);
        }

        Current = new MqttTopicFilterView(filter, options);
        return true;
    }
}
