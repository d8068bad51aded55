namespace SmartCity.Twin.Gateways.Mqtt.Broker;

/// <summary>Topic name and topic filter rules (MQTT 3.1.1 4.7, MQTT 5.0 4.7).</summary>
internal static class MqttTopicMatcher
{
    /// <summary>A topic name is at least one character and has no wildcards (MQTT-3.3.2-2, MQTT-4.7.3-1) and no NUL (MQTT-4.7.3-2).</summary>
    public static bool IsValidTopicName(string topic)
    {
        if (topic.Length == 0)
        {
            return false;
        }

        return topic.AsSpan().IndexOfAny('+', '#', '\0') < 0;
    }

    /// <summary>
    /// A filter is at least one character; '#' only as the last level on its own (MQTT-4.7.1-2); '+' only as a whole level
    /// (MQTT-4.7.1-3); no NUL.
    /// </summary>
    public static bool IsValidTopicFilter(string filter)
    {
        if (filter.Length == 0 || filter.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = 0; i < filter.Length; i++)
        {
            var c = filter[i];
            if (c != '+' && c != '#')
            {
                continue;
            }

            var startsLevel = i == 0 || filter[i - 1] == '/';
            var endsLevel = i == filter.Length - 1 || filter[i + 1] == '/';
            if (!startsLevel || !endsLevel)
            {
                return false;
            }

            if (c == '#' && i != filter.Length - 1)
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsSharedSubscription(string filter) => filter.StartsWith("$share/", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="filter"/> matches <paramref name="topic"/>; used for retained messages and tests.</summary>
    public static bool Matches(string filter, string topic)
    {
        // A wildcard in the first level never matches a topic that starts with '$' (MQTT-4.7.2-1).
        if (topic.Length > 0 && topic[0] == '$' && filter.Length > 0 && (filter[0] == '+' || filter[0] == '#'))
        {
            return false;
        }

        var f = filter.AsSpan();
        var t = topic.AsSpan();
        while (true)
        {
            var fEnd = f.IndexOf('/');
            var fLevel = fEnd < 0 ? f : f[..fEnd];
            if (fLevel.Length == 1 && fLevel[0] == '#')
            {
                return true;
            }

            var tEnd = t.IndexOf('/');
            var tLevel = tEnd < 0 ? t : t[..tEnd];
            if (!(fLevel.Length == 1 && fLevel[0] == '+') && !fLevel.SequenceEqual(tLevel))
            {
                return false;
            }

            if (fEnd < 0 || tEnd < 0)
            {
                if (fEnd < 0 && tEnd < 0)
                {
                    return true;
                }

                // "a/#" also matches "a" (the parent level, MQTT 4.7.1.2).
                return tEnd < 0 && f[(fEnd + 1)..] is ['#'];
            }

            f = f[(fEnd + 1)..];
            t = t[(tEnd + 1)..];
        }
    }
}
