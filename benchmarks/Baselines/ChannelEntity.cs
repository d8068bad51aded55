using System.Threading.Channels;
using SmartCity.Twin.Benchmarks.Workloads;

namespace SmartCity.Twin.Benchmarks.Baselines;

/// <summary>
/// The hand-written actor-per-entity alternative to a grain: a private unbounded channel and an async reader loop
/// that applies messages one at a time. Many writers, one reader; continuations never run inline on a writer, as a
/// grain's turn never runs on its caller's thread.
/// </summary>
internal sealed class ChannelEntity
{
    private static readonly UnboundedChannelOptions Options = new()
    {
        SingleReader = true,
        SingleWriter = false,
        AllowSynchronousContinuations = false,
    };

    private readonly Channel<TelemetryMessage> channel = Channel.CreateUnbounded<TelemetryMessage>(Options);
    private double sum;
    private int received;

    public ChannelEntity()
    {
        _ = RunAsync();
    }

    public int Received => Volatile.Read(ref received) + (sum < 0 ? 1 : 0);

    public void Post(TelemetryMessage message) => channel.Writer.TryWrite(message);

    public void Complete() => channel.Writer.TryComplete();

    private async Task RunAsync()
    {
        var reader = channel.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var message))
            {
                sum += message.Value + message.Metric;
                received++;
                AppliedCounter.Increment();
            }
        }
    }
}
