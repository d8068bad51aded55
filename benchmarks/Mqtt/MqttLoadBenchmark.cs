using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SmartCity.Twin.Benchmarks.Hosting;
using SmartCity.Twin.Benchmarks.Workloads;
using SmartCity.Twin.Gateways.Devices.Topics;
using SmartCity.Twin.Grains.Hosting;
using SmartCity.Twin.Gateways.Mqtt.Broker;
using SmartCity.Twin.Gateways.Mqtt.Client;
using SmartCity.Twin.Gateways.Mqtt.Hosting;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Benchmarks.Mqtt;

/// <summary>
/// The MQTT load benchmark (docs/performance.md, "MQTT endpoint"): throughput of our endpoint and of mosquitto 2 under the
/// same publishers, and memory per idle connection. Publishers run in a child process; our endpoint runs in this one.
/// </summary>
internal sealed class MqttLoadBenchmark(MqttBenchmarkSettings settings)
{
    public async Task<MqttBenchmarkReport> RunAsync()
    {
        var report = new MqttBenchmarkReport(settings);
        report.Notes.Add("\"endpoint\" phases run a permissive test authority (every client accepted, every publish counted and accepted, "
            + "not routed unless the phase says so): the endpoint's own cost. \"twin\" phases hand every publish to the real "
            + "device policy (topic ACL, JSON validation, then the environment-sensor twin grain in an in-process grain runtime with memory "
            + "storage); only the device credential check is left out. QoS 1 counts once the twin has the message; QoS 0 once it is on its "
            + "way, with at most 64 per connection not yet applied (beyond that the connection waits for the twin).");

        if (!settings.Skip.Contains("endpoint"))
        {
            report.Throughput.Add(await EndpointThroughputAsync("endpoint QoS 0", MqttQualityOfService.AtMostOnce, routeToSubscriber: false, report));
            report.Throughput.Add(await EndpointThroughputAsync("endpoint QoS 0 routed", MqttQualityOfService.AtMostOnce, routeToSubscriber: true, report));
            report.Throughput.Add(await EndpointThroughputAsync("endpoint QoS 1", MqttQualityOfService.AtLeastOnce, routeToSubscriber: false, report));
        }

        if (!settings.Skip.Contains("twin"))
        {
            report.Throughput.Add(await TwinThroughputAsync("twin QoS 0", MqttQualityOfService.AtMostOnce, report));
            report.Throughput.Add(await TwinThroughputAsync("twin QoS 1", MqttQualityOfService.AtLeastOnce, report));
        }

        if (!settings.Skip.Contains("mosquitto"))
        {
            if (MosquittoServer.IsInstalled)
            {
                report.Throughput.Add(await MosquittoThroughputAsync("mosquitto QoS 0", MqttQualityOfService.AtMostOnce));
                report.Throughput.Add(await MosquittoThroughputAsync("mosquitto QoS 1", MqttQualityOfService.AtLeastOnce));
            }
            else
            {
                report.Notes.Add($"mosquitto is not installed at {MosquittoServer.Executable}: no baseline.");
            }
        }

        if (!settings.Skip.Contains("idle"))
        {
            report.Idle.Add(await EndpointIdleAsync());
            if (MosquittoServer.IsInstalled)
            {
                report.Idle.Add(await MosquittoIdleAsync());
            }
        }

        return report;
    }

    private async Task<ThroughputMeasurement> EndpointThroughputAsync(string name, MqttQualityOfService qos, bool routeToSubscriber, MqttBenchmarkReport report)
    {
        Progress($"{name}: starting the endpoint");
        var applied = new MessageCounter();
        await using var endpoint = await StartEndpointAsync(applied, routeToSubscriber);
        if (!routeToSubscriber)
        {
            return await MeasureAsync(name, applied, endpoint.Port, qos);
        }

        var delivered = new MessageCounter();
        await using var subscriber = await SubscribeAllAsync(endpoint.Port, qos, delivered);
        var result = await MeasureAsync(name, delivered, endpoint.Port, qos);

        // Whether the subscriber got fewer messages than were routed because the endpoint dropped them (full session queue).
        var metrics = endpoint.Metrics;
        report.Notes.Add($"{name}: over the whole phase the endpoint received {metrics.PublishesReceived:N0} publishes, "
            + $"delivered {metrics.MessagesDelivered:N0} and dropped {metrics.MessagesDropped:N0} messages; the subscriber counted {delivered.Count:N0}.");
        return result;
    }

    private async Task<ThroughputMeasurement> TwinThroughputAsync(string name, MqttQualityOfService qos, MqttBenchmarkReport report)
    {
        Progress($"{name}: starting the grain runtime and provisioning {settings.Connections:N0} environment-sensor twins");
        await using var silo = await BenchmarkSilo.StartAsync();
        await new TwinFleet(silo.Grains, "bench-", settings.Connections).ProvisionAsync(silo.ProvinceMap);
        var sink = new TwinMessageSink(silo.Grains, Microsoft.Extensions.Options.Options.Create(new TwinOptions()), NullLogger<TwinMessageSink>.Instance);
        var applied = new MessageCounter();
        var refused = new MessageCounter();
        await using var endpoint = new MqttEndpoint(EndpointOptions(), new TwinSinkAuthority(sink, applied, refused), TimeProvider.System, NullLoggerFactory.Instance);
        await endpoint.StartAsync(CancellationToken.None);
        var result = await MeasureAsync(name, applied, endpoint.Port, qos);
        if (refused.Count > 0)
        {
            report.Notes.Add($"{name}: the twin refused {refused.Count:N0} messages.");
        }

        return result;
    }

    private async Task<ThroughputMeasurement> MosquittoThroughputAsync(string name, MqttQualityOfService qos)
    {
        Progress($"{name}: starting mosquitto");
        await using var mosquitto = await MosquittoServer.StartAsync();
        var delivered = new MessageCounter();
        await using var subscriber = await SubscribeAllAsync(mosquitto.Port, qos, delivered);
        return await MeasureAsync(name, delivered, mosquitto.Port, qos);
    }

    private async Task<ThroughputMeasurement> MeasureAsync(string name, MessageCounter counter, int port, MqttQualityOfService qos)
    {
        Progress($"{name}: connecting {settings.Connections:N0} publishers");
        await using var load = await MqttLoadProcess.StartAsync(port, settings.Connections, (int)qos, settings.Window, settings.ProtocolLevel, idle: false);
        Progress($"{name}: warming up {settings.Warmup.TotalSeconds:0} s, measuring {settings.Duration.TotalSeconds:0} s");
        await Task.Delay(settings.Warmup);
        var before = counter.Count;
        var clock = Stopwatch.StartNew();
        await Task.Delay(settings.Duration);
        var after = counter.Count;
        var window = clock.Elapsed;
        var (published, acknowledged, failed) = await load.StopAsync();
        var result = new ThroughputMeasurement(name, (after - before) / window.TotalSeconds, after - before, window, published, acknowledged, failed);
        Progress($"{name}: {result.MessagesPerSecond:N0} msg/s");
        return result;
    }

    private async Task<IdleMeasurement> EndpointIdleAsync()
    {
        const string name = "endpoint";
        Progress($"{name} idle: starting the endpoint");
        await using var endpoint = await StartEndpointAsync(new MessageCounter(), route: false);
        var (residentBefore, heapBefore) = MeasureSelf();
        Progress($"{name} idle: connecting {settings.IdleConnections:N0} clients");
        await using var load = await MqttLoadProcess.StartAsync(endpoint.Port, settings.IdleConnections, 0, 1, settings.ProtocolLevel, idle: true);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (endpoint.ConnectedClients < settings.IdleConnections && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await Task.Delay(1000);
        var (residentAfter, heapAfter) = MeasureSelf();
        var connected = endpoint.ConnectedClients;
        await load.StopAsync();
        var result = new IdleMeasurement($"{name} ({connected:N0} connected)", settings.IdleConnections, residentBefore, residentAfter, heapBefore, heapAfter);
        Progress($"{name} idle: {result.ResidentPerConnection:N0} B resident, {result.HeapPerConnection:N0} B GC heap per connection");
        return result;
    }

    private async Task<IdleMeasurement> MosquittoIdleAsync()
    {
        Progress("mosquitto idle: starting mosquitto");
        await using var mosquitto = await MosquittoServer.StartAsync();
        var before = mosquitto.ResidentBytes();
        Progress($"mosquitto idle: connecting {settings.IdleConnections:N0} clients");
        await using var load = await MqttLoadProcess.StartAsync(mosquitto.Port, settings.IdleConnections, 0, 1, settings.ProtocolLevel, idle: true);
        await Task.Delay(1000);
        var after = mosquitto.ResidentBytes();
        await load.StopAsync();
        var result = new IdleMeasurement("mosquitto", settings.IdleConnections, before, after, null, null);
        Progress($"mosquitto idle: {result.ResidentPerConnection:N0} B resident per connection");
        return result;
    }

    private static async Task<MqttEndpoint> StartEndpointAsync(MessageCounter applied, bool route)
    {
        ILoggerFactory loggers = NullLoggerFactory.Instance;
        var endpoint = new MqttEndpoint(EndpointOptions(), new PermissiveAuthority(applied, route), TimeProvider.System, loggers);
        await endpoint.StartAsync(CancellationToken.None);
        return endpoint;
    }

    private static MqttEndpointOptions EndpointOptions() => new()
    {
        Port = 0,
        BindAddress = "127.0.0.1",
        MaximumConnections = 1_000_000,
    };

    /// <summary>The one subscriber to <c>#</c> whose deliveries are counted (the baseline's measuring point).</summary>
    private async Task<MqttClientConnection> SubscribeAllAsync(int port, MqttQualityOfService qos, MessageCounter delivered)
    {
        var subscriber = await MqttClientConnection.ConnectAsync(
            new MqttClientOptions
            {
                Host = "127.0.0.1",
                Port = port,
                ClientId = "bench-subscriber",
                Version = (MqttProtocolVersion)settings.ProtocolLevel,
                ReceiveMaximum = ushort.MaxValue,
            },
            (_, _) =>
            {
                delivered.Increment();
                return ValueTask.CompletedTask;
            },
            CancellationToken.None);
        var granted = await subscriber.SubscribeAsync("#", qos);
        if ((byte)granted >= 0x80)
        {
            throw new InvalidOperationException($"Subscribing to # was refused: {granted}");
        }

        return subscriber;
    }

    private static (long Resident, long Heap) MeasureSelf()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return (ProcessMemory.ResidentBytes(Environment.ProcessId), GC.GetTotalMemory(forceFullCollection: false));
    }

    private static void Progress(string message) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
