using System.Collections.Concurrent;

namespace SmartCity.Twin.Gateways.Mqtt.Broker;

/// <summary>
/// Every subscription of the endpoint, in a trie by topic level. Matching (the publish hot path) takes no lock: children
/// live in concurrent dictionaries looked up by span (no string per level) and each node's subscribers are an immutable
/// array swapped on change. Changes are serialised by one lock, which also lets empty nodes be pruned safely so random
/// filters cannot grow the trie without bound.
/// </summary>
internal sealed class MqttSubscriptionTrie
{
    private readonly Node _root = new();
    private readonly Lock _changeLock = new();
    private int _count;

    /// <summary>Subscriptions held, over all sessions.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Adds or replaces (same session, same filter) a subscription; returns whether one existed before (MQTT-3.8.4-3).</summary>
    public bool AddOrReplace(MqttSubscription subscription)
    {
        lock (_changeLock)
        {
            var node = _root;
            foreach (var range in subscription.Filter.AsSpan().Split('/'))
            {
                node = node.GetOrAddChild(subscription.Filter[range]);
            }

            var existing = node.Subscribers;
            for (var i = 0; i < existing.Length; i++)
            {
                if (ReferenceEquals(existing[i].Session, subscription.Session))
                {
                    var replaced = (MqttSubscription[])existing.Clone();
                    replaced[i] = subscription;
                    node.Subscribers = replaced;
                    return true;
                }
            }

            node.Subscribers = [.. existing, subscription];
            _count++;
            return false;
        }
    }

    /// <summary>Removes the session's subscription to <paramref name="filter"/>; false when it had none.</summary>
    public bool Remove(MqttSession session, string filter)
    {
        lock (_changeLock)
        {
            var path = new List<(Node Parent, string Level)>();
            var node = _root;
            foreach (var range in filter.AsSpan().Split('/'))
            {
                var level = filter[range];
                var child = node.FindChild(level);
                if (child is null)
                {
                    return false;
                }

                path.Add((node, level));
                node = child;
            }

            var existing = node.Subscribers;
            var index = Array.FindIndex(existing, s => ReferenceEquals(s.Session, session));
            if (index < 0)
            {
                return false;
            }

            node.Subscribers = existing.Length == 1 ? [] : [.. existing[..index], .. existing[(index + 1)..]];
            _count--;

            // Prune nodes left with neither subscribers nor children, deepest first.
            for (var i = path.Count - 1; i >= 0; i--)
            {
                var (parent, level) = path[i];
                var child = parent.FindChild(level)!;
                if (!child.IsEmpty)
                {
                    break;
                }

                parent.RemoveChild(level);
            }

            return true;
        }
    }

    /// <summary>Adds every subscription whose filter matches <paramref name="topic"/> to <paramref name="matches"/>.</summary>
    public void Match(string topic, List<MqttSubscription> matches)
    {
        var dollar = topic.Length > 0 && topic[0] == '$';
        Collect(_root, topic, hasMoreLevels: true, isFirstLevel: true, dollar, matches);
    }

    private static void Collect(Node node, ReadOnlySpan<char> remaining, bool hasMoreLevels, bool isFirstLevel, bool dollar, List<MqttSubscription> matches)
    {
        // A first-level wildcard never matches a '$' topic (MQTT-4.7.2-1).
        var wildcardsAllowed = !(isFirstLevel && dollar);

        // '#' matches this level and everything below, including the parent level itself ("a/#" matches "a").
        if (wildcardsAllowed && node.MultiLevel is { } multi)
        {
            matches.AddRange(multi.Subscribers);
        }

        if (!hasMoreLevels)
        {
            matches.AddRange(node.Subscribers);
            return;
        }

        var slash = remaining.IndexOf('/');
        var level = slash < 0 ? remaining : remaining[..slash];
        var rest = slash < 0 ? [] : remaining[(slash + 1)..];
        if (node.TryGetChild(level, out var child))
        {
            Collect(child, rest, slash >= 0, isFirstLevel: false, dollar, matches);
        }

        if (wildcardsAllowed && node.SingleLevel is { } single)
        {
            Collect(single, rest, slash >= 0, isFirstLevel: false, dollar, matches);
        }
    }

    private sealed class Node
    {
        private readonly ConcurrentDictionary<string, Node> _children = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, Node>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public Node() => _lookup = _children.GetAlternateLookup<ReadOnlySpan<char>>();

        public volatile MqttSubscription[] Subscribers = [];
        public volatile Node? SingleLevel;
        public volatile Node? MultiLevel;

        public bool IsEmpty => Subscribers.Length == 0 && SingleLevel is null && MultiLevel is null && _children.IsEmpty;

        public bool TryGetChild(ReadOnlySpan<char> level, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out Node child) =>
            _lookup.TryGetValue(level, out child);

        public Node? FindChild(string level) => level switch
        {
            "+" => SingleLevel,
            "#" => MultiLevel,
            _ => _children.GetValueOrDefault(level),
        };

        public Node GetOrAddChild(string level)
        {
            switch (level)
            {
                case "+":
                    return SingleLevel ??= new Node();
                case "#":
                    return MultiLevel ??= new Node();
                default:
                    return _children.GetOrAdd(level, static _ => new Node());
            }
        }

        public void RemoveChild(string level)
        {
            switch (level)
            {
                case "+":
                    SingleLevel = null;
                    break;
                case "#":
                    MultiLevel = null;
                    break;
                default:
                    _children.TryRemove(level, out _);
                    break;
            }
        }
    }
}
