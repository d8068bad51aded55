using Microsoft.Extensions.Logging.Abstractions;
using SmartCity.Twin.Gateways.Mqtt.Broker;
using SmartCity.Twin.Gateways.Mqtt.Hosting;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Broker;

/// <summary>An <see cref="MqttEndpoint"/> on a free loopback port with the <see cref="TestAuthority"/>.</summary>
internal sealed class EndpointHarness : IAsyncDisposable
{
    private EndpointHarness(MqttEndpoint endpoint, TestAuthority authority)
    {
        Endpoint = endpoint;
        Authority = authority;
    }

    public MqttEndpoint Endpoint { get; }

    public TestAuthority Authority { get; }

    public int Port => Endpoint.Port;

    public static async Task<EndpointHarness> StartAsync(Action<MqttEndpointOptions>? configure = null)
    {
        var options = new MqttEndpointOptions
        {
            Port = 0,
            BindAddress = "127.0.0.1",
            ConnectTimeout = TimeSpan.FromSeconds(2),
            MaximumPacketSize = 64 * 1024,
        };
        configure?.Invoke(options);
        var authority = new TestAuthority();
        var endpoint = new MqttEndpoint(options, authority, TimeProvider.System, NullLoggerFactory.Instance);
        await endpoint.StartAsync(CancellationToken.None);
        return new EndpointHarness(endpoint, authority);
    }

    public Task<RawMqttClient> OpenAsync() => RawMqttClient.OpenAsync(Port);

    public async ValueTask DisposeAsync() => await Endpoint.DisposeAsync();

    /// <summary>Waits until <paramref name="condition"/> holds (for effects that happen off the test's thread).</summary>
    public static async Task EventuallyAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("condition not met in time");
            }

            await Task.Delay(20);
        }
    }
}
