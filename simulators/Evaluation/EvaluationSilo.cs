using System.Buffers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Gateways.Devices.Topics;
using SmartCity.Twin.Gateways.Mqtt.Broker;
using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Hosting;
using SmartCity.Twin.Runtime;
using SmartCity.Twin.Runtime.Hosting;
using SmartCity.Twin.Runtime.Testing;
using SmartCity.Twin.Simulation.Messages;
using SmartCity.Twin.Simulation.Province;
using SmartCity.Twin.Simulation.Running;

namespace SmartCity.Twin.Simulators.Evaluation;

/// <summary>
/// The twins in this process, on a clock only the harness moves: the grain runtime with in-memory storage and the
/// production twin grains and warning rules, fed through the same message sink the MQTT endpoint uses. Replaying moves
/// the clock to each message's time before handing it on, so grain timers (liveness, write-behind) fire in simulated
/// time and days replay in seconds. One silo per run: every run starts with fresh twins.
/// </summary>
internal sealed class EvaluationSilo : IAsyncDisposable
{
    /// <summary>Simulated time between two takes from the simulation; messages within one are still sent one by one at their own times.</summary>
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(1);

    /// <summary>How far (simulated time) messages may be handed on ahead of the oldest one not yet applied.</summary>
    private static readonly TimeSpan MaxLag = TimeSpan.FromSeconds(5);

    private readonly IHost host;
    private readonly IDeviceMessageSink sink;
    private readonly List<(string Topic, Task<MqttPublishDecision> Applying)> pending = [];
    private DateTimeOffset? oldestPending;

    private EvaluationSilo(IHost host, FakeTimeProvider clock)
    {
        this.host = host;
        Clock = clock;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
        Alerts = host.Services.GetRequiredService<AlertRecorder>();
        sink = new TwinMessageSink(Grains, host.Services.GetRequiredService<IOptions<TwinOptions>>(), NullLogger<TwinMessageSink>.Instance);
    }

    public FakeTimeProvider Clock { get; }

    public IGrainFactory Grains { get; }

    public AlertRecorder Alerts { get; }

    /// <summary>Messages the twins accepted and refused so far.</summary>
    public long Accepted { get; private set; }

    public long Refused { get; private set; }

    public string? LastRefusal { get; private set; }

    public static async Task<EvaluationSilo> StartAsync(string provinceId, DateTimeOffset start, CancellationToken cancellationToken)
    {
        var clock = new FakeTimeProvider(start);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var services = builder.Services;
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.None));
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<AlertRecorder>();
        services.AddSingleton<IAlertObserver>(sp => sp.GetRequiredService<AlertRecorder>());

        // State is written only when the host stops: in memory nothing is at stake, and writing every 30 simulated
        // seconds would spend the replay's time on copies nobody reads.
        services.AddTwinGrains(twins =>
        {
            twins.ProvinceId = provinceId;
            twins.PersistInterval = TimeSpan.FromDays(3650);
        });
        services.AddGrainRuntime(silo => silo
            .AddGrainAssembly(typeof(IDeviceTwin).Assembly)
            .AddMemoryGrainStorage()
            .UseInMemoryReminders()

            // The clock jumps ahead while a grain call is in flight on another thread: simulated seconds pass in
            // microseconds, and a call must not time out on them.
            .Configure<GrainRuntimeOptions>(options => options.ResponseTimeout = TimeSpan.FromDays(3650)));
        var host = builder.Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        return new EvaluationSilo(host, clock);
    }

    /// <summary>Provisions <paramref name="devices"/> as the demo does: name, location and site.</summary>
    public async Task ProvisionAsync(IReadOnlyList<SimulatedDevice> devices, CancellationToken cancellationToken)
    {
        foreach (var device in devices)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["site"] = device.Site, ["source"] = "evaluation" };
            await Grains.GetDeviceTwin(device.Kind, device.Id).Provision(new DeviceProvisioning(device.Name, device.Location, attributes)).ConfigureAwait(false);
        }
    }

    /// <summary>Hands the simulation's messages to the twins until simulated time reaches <paramref name="until"/>, then sets the clock there.</summary>
    /// <param name="progress">Called with the simulated time reached after each step.</param>
    /// <remarks>
    /// Messages are handed on in order without waiting for each to be applied, since a grain takes its calls in the
    /// order they were made; but never more than <see cref="MaxLag"/> of simulated time ahead of the oldest one still
    /// being applied, so a twin's timers never run far ahead of what it has been told.
    /// </remarks>
    public async Task ReplayAsync(ProvinceSimulation simulation, DateTimeOffset until, Action<DateTimeOffset>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        var reached = simulation.Reached ?? simulation.Options.Start;
        while (reached < until)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var to = reached + Step < until ? reached + Step : until;
            foreach (var message in simulation.Advance(to))
            {
                if (oldestPending is { } oldest && message.At - oldest > MaxLag)
                {
                    await DrainAsync().ConfigureAwait(false);
                }

                MoveClockTo(message.At);
                Send(message, cancellationToken);
            }

            await DrainAsync().ConfigureAwait(false);
            MoveClockTo(to);
            reached = to;
            progress?.Invoke(reached);
        }
    }

    /// <summary>
    /// Waits until every twin has finished what it was given: a call queues behind a grain's pending turns (timer ticks
    /// included), and a twin raises its alerts within its own turn.
    /// </summary>
    public async Task SettleAsync(IReadOnlyList<SimulatedDevice> devices)
    {
        ArgumentNullException.ThrowIfNull(devices);
        foreach (var device in devices)
        {
            await Grains.GetDeviceTwin(device.Kind, device.Id).GetSnapshot().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync().ConfigureAwait(false);
        host.Dispose();
    }

    private void MoveClockTo(DateTimeOffset at)
    {
        var now = Clock.GetUtcNow();
        if (at > now)
        {
            Clock.Advance(at - now);
        }
    }

    private void Send(DeviceMessage message, CancellationToken cancellationToken)
    {
        var topic = DeviceMessageFormat.Topic(message);
        var payload = new ReadOnlySequence<byte>(DeviceMessageFormat.Payload(message));
        var applying = sink.ApplyAsync(topic, payload, Clock.GetUtcNow(), cancellationToken);
        if (applying.IsCompleted)
        {
            Count(topic, applying.Result);
            return;
        }

        oldestPending ??= message.At;
        pending.Add((topic, applying.AsTask()));
    }

    private async Task DrainAsync()
    {
        foreach (var (topic, applying) in pending)
        {
            Count(topic, await applying.ConfigureAwait(false));
        }

        pending.Clear();
        oldestPending = null;
    }

    private void Count(string topic, MqttPublishDecision decision)
    {
        if (decision.IsAccepted)
        {
            Accepted++;
        }
        else
        {
            Refused++;
            LastRefusal = $"{topic}: {decision.Reason}";
        }
    }
}
