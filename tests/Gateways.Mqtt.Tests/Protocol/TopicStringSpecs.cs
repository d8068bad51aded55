using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Protocol;

/// <summary>The string overloads of <see cref="MqttTopic"/>: topics and filters the server is given, not decoded.</summary>
public class TopicStringSpecs
{
    [Theory]
    [InlineData("a/#", true)]
    [InlineData("#", true)]
    [InlineData("+", true)]
    [InlineData("a/+/b", true)]
    [InlineData("a#", false)] // MQTT-4.7.1-2
    [InlineData("a/#/b", false)]
    [InlineData("a+", false)] // MQTT-4.7.1-3
    [InlineData("a/+b", false)]
    [InlineData("", false)]
    [InlineData("a\0b", false)] // MQTT-4.7.3-2
    public void Topic_filters_are_validated(string filter, bool valid)
    {
        Assert.Equal(valid, MqttTopic.IsValidFilter(filter, MqttProtocolVersion.V311, out var isShared));
        Assert.False(isShared);
    }

    [Fact]
    public void A_shared_subscription_is_recognised_in_v5_only()
    {
        Assert.True(MqttTopic.IsValidFilter("$share/g/t/#", MqttProtocolVersion.V500, out var shared));
        Assert.True(shared);
        Assert.False(MqttTopic.IsValidFilter("$share/g", MqttProtocolVersion.V500, out _));
        Assert.True(MqttTopic.IsValidFilter("$share/g/t", MqttProtocolVersion.V311, out shared));
        Assert.False(shared);
    }

    [Theory]
    [InlineData("sensors/a", true)]
    [InlineData("thành-phố/đèn", true)]
    [InlineData("a/+", false)] // MQTT-3.3.2-2
    [InlineData("a/#", false)]
    [InlineData("", false)] // MQTT-4.7.3-1
    [InlineData("a\0", false)] // MQTT-4.7.3-2
    public void Topic_names_are_validated(string topic, bool valid) => Assert.Equal(valid, MqttTopic.IsValidName(topic));

    [Fact]
    public void A_topic_longer_than_the_stack_buffer_is_validated_too()
    {
        var topic = string.Join('/', Enumerable.Repeat("segment", 100));
        Assert.True(MqttTopic.IsValidName(topic));
        Assert.False(MqttTopic.IsValidFilter(topic + "/a#", MqttProtocolVersion.V500, out _));
    }
}
