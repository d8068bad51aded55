namespace SmartCity.Twin.Gateways.Mqtt.Broker;

/// <summary>Topic filter matching (MQTT 3.1.1 4.7, MQTT 5.0 4.7); validation is the codec's <c>MqttTopic</c>.</summary>
internal static class MqttTopicMatcher
{
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
