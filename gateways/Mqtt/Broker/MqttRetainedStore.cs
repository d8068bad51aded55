using System.Collections.Concurrent;

namespace SmartCity.Twin.Gateways.Mqtt.Broker;

/// <summary>The last retained message per topic (MQTT 5.0 3.3.1.3), bounded by <c>MaximumRetainedMessages</c>.</summary>
internal sealed class MqttRetainedStore(int maximumMessages)
{
    private readonly ConcurrentDictionary<string, MqttRoutedMessage> _messages = new(StringComparer.Ordinal);

    public int Count => _messages.Count;

    /// <summary>Stores, replaces or (empty payload, MQTT-3.3.1-6/7) deletes; false when a new topic would exceed the quota.</summary>
    public bool Set(MqttRoutedMessage message)
    {
        if (message.Payload.IsEmpty)
        {
            _messages.TryRemove(message.Topic, out _);
            return true;
        }

        if (_messages.Count >= maximumMessages && !_messages.ContainsKey(message.Topic))
        {
            return false;
        }

        _messages[message.Topic] = message;
        return true;
    }

    /// <summary>Adds every unexpired retained message matching <paramref name="filter"/>.</summary>
    public void Collect(string filter, long now, List<MqttRoutedMessage> into)
    {
        if (filter.AsSpan().IndexOfAny('+', '#') < 0)
        {
            if (_messages.TryGetValue(filter, out var exact) && !IsExpired(exact, now))
            {
                into.Add(exact);
            }

            return;
        }

        foreach (var (topic, message) in _messages)
        {
            if (MqttTopicMatcher.Matches(filter, topic) && !IsExpired(message, now))
            {
                into.Add(message);
            }
        }
    }

    /// <summary>Removes retained messages whose Message Expiry Interval has passed (MQTT-3.3.2-5).</summary>
    public void RemoveExpired(long now)
    {
        foreach (var (topic, message) in _messages)
        {
            if (IsExpired(message, now))
            {
                _messages.TryRemove(new KeyValuePair<string, MqttRoutedMessage>(topic, message));
            }
        }
    }

    private static bool IsExpired(MqttRoutedMessage message, long now) => message.ExpiresAtTimestamp is { } at && at <= now;
}
