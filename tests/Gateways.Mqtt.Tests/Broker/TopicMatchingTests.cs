using SmartCity.Twin.Gateways.Mqtt.Broker;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Broker;

public sealed class TopicMatchingTests
{
    [Theory]
    [InlineData("sport/tennis/player1/#", "sport/tennis/player1", true)] // MQTT 4.7.1.2: '#' includes the parent level
    [InlineData("sport/tennis/player1/#", "sport/tennis/player1/ranking", true)]
    [InlineData("sport/tennis/player1/#", "sport/tennis/player1/score/wimbledon", true)]
    [InlineData("sport/#", "sport", true)]
    [InlineData("#", "sport/tennis", true)]
    [InlineData("sport/tennis/+", "sport/tennis/player1", true)]
    [InlineData("sport/tennis/+", "sport/tennis/player1/ranking", false)]
    [InlineData("sport/+", "sport", false)]
    [InlineData("sport/+", "sport/", true)]
    [InlineData("+/+", "/finance", true)]
    [InlineData("/+", "/finance", true)]
    [InlineData("+", "/finance", false)]
    [InlineData("#", "$SYS/info", false)] // MQTT-4.7.2-1
    [InlineData("+/monitor/Clients", "$SYS/monitor/Clients", false)]
    [InlineData("$SYS/#", "$SYS/monitor/Clients", true)]
    [InlineData("$SYS/monitor/+", "$SYS/monitor/Clients", true)]
    [InlineData("a/b", "a/b", true)]
    [InlineData("a/b", "a/B", false)]
    [InlineData("a//b", "a//b", true)]
    [InlineData("a/+/b", "a//b", true)]
    public void Filters_match_topics_as_the_specification_says(string filter, string topic, bool expected)
    {
        Assert.Equal(expected, MqttTopicMatcher.Matches(filter, topic));

        var trie = new MqttSubscriptionTrie();
        var session = new MqttSession("c", 10, new MqttEndpointMetrics());
        trie.AddOrReplace(new MqttSubscription(session, filter, MqttQualityOfService.AtMostOnce, false, false, 0));
        var matches = new List<MqttSubscription>();
        trie.Match(topic, matches);
        Assert.Equal(expected, matches.Count == 1);
    }

    [Fact]
    public void Removing_the_last_subscription_prunes_the_trie_and_replacing_keeps_one()
    {
        var trie = new MqttSubscriptionTrie();
        var session = new MqttSession("c", 10, new MqttEndpointMetrics());
        Assert.False(trie.AddOrReplace(new MqttSubscription(session, "a/+/c", MqttQualityOfService.AtMostOnce, false, false, 0)));
        Assert.True(trie.AddOrReplace(new MqttSubscription(session, "a/+/c", MqttQualityOfService.AtLeastOnce, false, false, 0)));
        Assert.Equal(1, trie.Count);
        var matches = new List<MqttSubscription>();
        trie.Match("a/b/c", matches);
        Assert.Equal(MqttQualityOfService.AtLeastOnce, Assert.Single(matches).QualityOfService);
        Assert.True(trie.Remove(session, "a/+/c"));
        Assert.False(trie.Remove(session, "a/+/c"));
        Assert.Equal(0, trie.Count);
        matches.Clear();
        trie.Match("a/b/c", matches);
        Assert.Empty(matches);
    }

    [Fact]
    public void Many_sessions_on_many_filters_each_match_exactly_their_topics()
    {
        var trie = new MqttSubscriptionTrie();
        var metrics = new MqttEndpointMetrics();
        var sessions = Enumerable.Range(0, 200).Select(i => new MqttSession($"c{i}", 10, metrics)).ToArray();
        for (var i = 0; i < sessions.Length; i++)
        {
            trie.AddOrReplace(new MqttSubscription(sessions[i], $"city/d{i % 10}/+/pm25", MqttQualityOfService.AtMostOnce, false, false, 0));
        }

        var matches = new List<MqttSubscription>();
        trie.Match("city/d3/aq-1/pm25", matches);
        Assert.Equal(20, matches.Count);
        Assert.All(matches, m => Assert.Equal("city/d3/+/pm25", m.Filter));
    }
}
