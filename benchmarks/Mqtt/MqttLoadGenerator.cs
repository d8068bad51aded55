using System.Globalization;
using System.Text;
using SmartCity.Twin.Gateways.Mqtt.Client;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Benchmarks.Mqtt;

/// <summary>
/// The publishers, run in a child process (<c>mqtt-load</c>) so that the server under test — our endpoint or mosquitto —
/// is measured alone in its process and both face the same client CPU cost. Protocol with the parent, one line each:
/// the child prints <c>connected N</c>, the parent writes <c>stop</c>, the child prints <c>done published acked failed</c>.
/// </summary>
internal static class MqttLoadGenerator
{
    public static readonly byte[] Payload = Encoding.UTF8.GetBytes("""{"values":{"pm2_5":41.2,"pm10":63.0,"temperature":29.5}}""");

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var port = 1883;
        var connections = 1000;
        var qos = MqttQualityOfService.AtMostOnce;
        var window = 16;
        var version = MqttProtocolVersion.V500;
        var idle = false;
        for (var i = 1; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--port": port = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--connections": connections = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--qos": qos = (MqttQualityOfService)byte.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--window": window = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--protocol": version = (MqttProtocolVersion)byte.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--idle": idle = true; break;
                default: throw new ArgumentException($"mqtt-load: unknown option {args[i]}");
            }
        }

        var clients = new MqttClientConnection[connections];
        await Parallel.ForEachAsync(Enumerable.Range(0, connections), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    clients[i] = await MqttClientConnection.ConnectAsync(
                        new MqttClientOptions
                        {
                            Host = "127.0.0.1",
                            Port = port,
                            ClientId = string.Create(CultureInfo.InvariantCulture, $"bench-{i}"),
                            Version = version,
                            KeepAlive = idle ? TimeSpan.FromMinutes(10) : TimeSpan.FromSeconds(60),
                            MaximumInFlight = Math.Max(window, 1),
                        },
                        null,
                        ct);
                    return;
                }
                catch (Exception) when (attempt < 5)
                {
                    // A listen backlog overflowing under the connect burst; try again shortly.
                    await Task.Delay(100 * (attempt + 1), ct);
                }
            }
        });

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"connected {connections}"));
        await Console.Out.FlushAsync();

        using var stop = new CancellationTokenSource();
        long published = 0;
        long acknowledged = 0;
        long failed = 0;
        var loops = new List<Task>();
        if (!idle)
        {
            var loopsPerClient = qos == MqttQualityOfService.AtMostOnce ? 1 : window;
            for (var i = 0; i < connections; i++)
            {
                var client = clients[i];
                var topic = string.Create(CultureInfo.InvariantCulture, $"city/v1/environment-sensor/bench-{i}/telemetry");
                for (var l = 0; l < loopsPerClient; l++)
                {
                    loops.Add(Task.Run(async () =>
                    {
                        long mine = 0;
                        long acked = 0;
                        try
                        {
                            while (!stop.IsCancellationRequested)
                            {
                                var reason = await client.PublishAsync(topic, Payload, qos, cancellationToken: stop.Token);
                                mine++;
                                if (qos != MqttQualityOfService.AtMostOnce && (byte)reason < 0x80)
                                {
                                    acked++;
                                }
                            }
                        }
                        catch (OperationCanceledException)
                        {
                            // Stopped.
                        }
                        catch (Exception)
                        {
                            Interlocked.Increment(ref failed);
                        }

                        Interlocked.Add(ref published, mine);
                        Interlocked.Add(ref acknowledged, acked);
                    }));
                }
            }
        }

        // Wait for the parent's "stop" (or its death: stdin closes).
        await Console.In.ReadLineAsync();
        await stop.CancelAsync();
        await Task.WhenAll(loops);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"done {published} {acknowledged} {failed}"));
        await Console.Out.FlushAsync();

        foreach (var client in clients)
        {
            if (client is not null)
            {
                await client.DisposeAsync();
            }
        }

        return 0;
    }
}
