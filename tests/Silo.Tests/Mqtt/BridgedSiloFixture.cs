using System.Globalization;
using System.Net.Sockets;

namespace SmartCity.Twin.Silo.Tests.Mqtt;

/// <summary>
/// A site broker (Debian's mosquitto 2, anonymous, on a free loopback port) and a silo bridged to it with
/// <c>Mqtt:Bridge:Url</c>, as at a site that already runs a broker.
/// </summary>
public sealed class BridgedSiloFixture : MqttSiloFixture
{
    private readonly TempDataFolder _brokerFolder = new();
    private ClientProcess? _broker;

    public int BrokerPort { get; } = SiloProcess.FreePort();

    public override async Task InitializeAsync()
    {
        var config = Path.Combine(_brokerFolder.Path, "mosquitto.conf");
        await File.WriteAllTextAsync(config, $"listener {BrokerPort.ToString(CultureInfo.InvariantCulture)} 127.0.0.1\nallow_anonymous true\npersistence false\n");
        _broker = ClientProcess.Start("mosquitto", ["-c", config]);
        await WaitForBrokerAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }

        _brokerFolder.Dispose();
    }

    protected override IEnumerable<string> ExtraArguments() =>
        ["--Mqtt:Bridge:Url", $"mqtt://127.0.0.1:{BrokerPort.ToString(CultureInfo.InvariantCulture)}"];

    private async Task WaitForBrokerAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", BrokerPort);
                return;
            }
            catch (SocketException) when (attempt < 100 && !_broker!.HasExited)
            {
                await Task.Delay(100);
            }
            catch (SocketException e)
            {
                throw new InvalidOperationException($"mosquitto did not start on port {BrokerPort}:\n{_broker!.Snapshot()}", e);
            }
        }
    }
}
