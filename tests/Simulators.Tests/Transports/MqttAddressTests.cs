using SmartCity.Twin.Simulators.Transports;

namespace SmartCity.Twin.Simulators.Tests.Transports;

public sealed class MqttAddressTests
{
    [Theory]
    [InlineData("localhost:1883", "localhost", 1883)]
    [InlineData("10.0.0.5:8883", "10.0.0.5", 8883)]
    [InlineData("broker.example", "broker.example", 1883)]
    [InlineData("mqtt://broker.example:1884", "broker.example", 1884)]
    [InlineData("[::1]:1883", "::1", 1883)]
    public void Host_and_port_are_read_with_1883_by_default(string text, string host, int port)
    {
        Assert.True(MqttAddress.TryParse(text, out var address));
        Assert.Equal(new MqttAddress(host, port), address);
    }

    [Theory]
    [InlineData("")]
    [InlineData("localhost:")]
    [InlineData("localhost:port")]
    [InlineData(":1883")]
    [InlineData("localhost:70000")]
    public void Anything_else_is_refused(string text)
    {
        Assert.False(MqttAddress.TryParse(text, out _));
    }
}
