using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Runtime.Activation;
using SmartCity.Twin.Runtime.CodeGeneration;
using SmartCity.Twin.Runtime.Collection;
using SmartCity.Twin.Runtime.Logging;
using SmartCity.Twin.Runtime.Messaging;
using SmartCity.Twin.Runtime.Reminders;
using SmartCity.Twin.Runtime.Storage;

namespace SmartCity.Twin.Runtime;

/// <summary>
/// The silo's grain runtime: resolves references to activations, delivers requests, times out calls, collects idle
/// activations and deactivates everything on shutdown.
/// </summary>
internal sealed class GrainRuntime : IGrainFactory, IGrainReferenceRuntime, IAsyncDisposable
{
    private readonly PendingRequestList pending = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly GrainCollectionOptions collectionOptions;
    private readonly long responseTimeoutTicks;
    private ITimer? sweepTimer;
    private ITimer? collectionTimer;
    private volatile bool stopped;
    private readonly Lock stopGate = new();
    private Task? stopTask;

    public GrainRuntime(
        IServiceProvider services,
        IOptions<GrainRuntimeOptions> options,
        IOptions<GrainCollectionOptions> collectionOptions,
        GrainClassCatalog catalog,
        ILogger<GrainRuntime> logger,
        TimeProvider? timeProvider = null)
    {
        Services = services;
        Options = options.Value;
        this.collectionOptions = collectionOptions.Value;
        Catalog = catalog;
        Logger = logger;
        TimeProvider = timeProvider ?? TimeProvider.System;
        responseTimeoutTicks = (long)(Options.ResponseTimeout.TotalSeconds * TimeProvider.TimestampFrequency);
        Reminders = new ReminderService(this, services.GetService<IReminderTable>(), services.GetRequiredService<IOptions<ReminderOptions>>().Value);

        // A one-way call fails inside its turn, so the activation on the current context is the one to log it.
        OneWayRequest.UnobservedFailure ??= static (request, exception) =>
        {
            if (SynchronizationContext.Current is GrainActivation activation)
            {
                RuntimeLog.OneWayCallFailed(activation.Runtime.Logger, request.MethodName, activation.GrainId, exception);
            }
        };
    }

    public IServiceProvider Services { get; }

    public GrainRuntimeOptions Options { get; }

    public GrainClassCatalog Catalog { get; }

    public ILogger Logger { get; }

    public TimeProvider TimeProvider { get; }

    public ActivationDirectory Directory { get; } = new();

    public ActivationCollector Collector { get; } = new();

    public ReminderService Reminders { get; }

    public CancellationToken StoppingToken => stopping.Token;

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(primaryKey);
        var binding = Catalog.GetBinding(typeof(TGrainInterface));
        return (TGrainInterface)(object)binding.ProxyFactory(this, binding.GrainClass, primaryKey);
    }

    public void Send(GrainReference target, GrainRequest request)
    {
        if (request is ResponseRequest response)
        {
            if (SynchronizationContext.Current is GrainActivation caller)
            {
                response.Chain = new CallChain(caller, caller.GrainId, TurnContext.Current?.Chain);
            }

            pending.Add(response, TimeProvider.GetTimestamp() + responseTimeoutTicks);
        }

        if (target.CachedActivation is GrainActivation cached && Deliver(cached, request))
        {
            return;
        }

        DeliverToCurrentActivation(target.GrainClass, target.Key, request, target);
    }

    /// <summary>
    /// Delivers to the grain's activation, creating it if there is none. An activation that refuses (it has just
    /// closed) is taken out of the directory so the next try finds or creates its successor instead of spinning.
    /// </summary>
    private void DeliverToCurrentActivation(GrainClassDescriptor grainClass, string key, GrainRequest request, GrainReference? cacheOn = null)
    {
        while (!stopped)
        {
            var activation = GetOrCreateActivation(grainClass, key);
            if (cacheOn is not null)
            {
                cacheOn.CachedActivation = activation;
            }

            if (Deliver(activation, request))
            {
                return;
            }

            Directory.Remove(activation);
        }

        request.Fail(new InvalidOperationException($"The silo is shutting down; {request.MethodName} to {new GrainId(grainClass.GrainType, key)} was not delivered."));
    }

    /// <summary>Delivers to a specific activation; false if it has gone.</summary>
    private bool Deliver(GrainActivation activation, GrainRequest request)
    {
        if (request is ResponseRequest { Chain: not null } response
            && !activation.IsReentrant
            && (request.Flags & RequestFlags.AlwaysInterleave) == 0
            && response.Chain.Contains(activation))
        {
            request.Fail(new CallCycleException(DescribeCycle(activation, response)));
            return true;
        }

        return activation.TryEnqueue(request);
    }

    private static string DescribeCycle(GrainActivation target, ResponseRequest request)
    {
        var path = new List<string> { target.GrainId.ToString() };
        for (var node = request.Chain; node is not null; node = node.Next)
        {
            path.Insert(0, node.GrainId.ToString());
            if (ReferenceEquals(node.Activation, target))
            {
                break;
            }
        }

        return $"Call cycle {string.Join(" -> ", path)} ({request.MethodName}): grain {target.GrainId} is not reentrant and is itself waiting on this call chain, "
            + "so the call could never run. Make the call one-way, mark the method [AlwaysInterleave], or mark the grain class [Reentrant].";
    }

    internal GrainActivation GetOrCreateActivation(GrainClassDescriptor grainClass, string key)
    {
        var grainId = new GrainId(grainClass.GrainType, key);
        if (Directory.TryGet(grainId, out var existing))
        {
            return existing;
        }

        return Directory.GetOrAdd(new GrainActivation(this, grainClass, key));
    }

    /// <summary>Delivers a request queued on an activation that has since deactivated to the grain's next activation.</summary>
    internal void Forward(GrainActivation from, GrainRequest request)
        => DeliverToCurrentActivation(from.GrainClass, from.GrainId.Key, request);

    /// <summary>Delivers a runtime-made request (a reminder tick) by grain id.</summary>
    internal void SendTo(GrainId grainId, GrainRequest request)
    {
        if (!Catalog.TryGetGrainClass(grainId.Type, out var grainClass))
        {
            request.Fail(new InvalidOperationException($"No grain class has grain type '{grainId.Type}'."));
            return;
        }

        DeliverToCurrentActivation(grainClass, grainId.Key, request);
    }

    internal IGrainStorage GetStorage(string? storageName)
    {
        var name = storageName ?? GrainStorageNames.Default;
        return Services.GetKeyedService<IGrainStorage>(name)
            ?? throw new InvalidOperationException($"No grain storage named '{name}' is registered. Add one, e.g. silo.AddMemoryGrainStorage(\"{name}\").");
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var quantum = collectionOptions.CollectionQuantum;
        sweepTimer = TimeProvider.CreateTimer(static state => ((GrainRuntime)state!).SweepTimeouts(), this, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        collectionTimer = TimeProvider.CreateTimer(static state => ((GrainRuntime)state!).CollectIdle(), this, quantum, quantum);
        await Reminders.StartAsync(cancellationToken);
        RuntimeLog.Started(Logger, Catalog.GrainClassCount);
    }

    private void SweepTimeouts()
        => pending.Sweep(
            TimeProvider.GetTimestamp(),
            request => new GrainRequestTimeoutException(
                $"{request.MethodName} got no response within {Options.ResponseTimeout.TotalSeconds:0.###} s (GrainRuntimeOptions.ResponseTimeout)."));

    private void CollectIdle()
    {
        var epoch = Collector.Advance();
        var now = TimeProvider.GetUtcNow();
        var collected = 0;
        foreach (var activation in Directory.All)
        {
            var age = activation.GrainClass.CollectionAge ?? collectionOptions.CollectionAge;
            var idleEpochs = epoch - activation.LastActiveEpoch;
            if (idleEpochs * collectionOptions.CollectionQuantum >= age && activation.KeepAliveUntil <= now && activation.IsIdle())
            {
                activation.TryEnqueue(new DeactivateRequest(activation, DeactivationReason.IdleCollection));
                collected++;
            }
        }

        if (collected > 0)
        {
            RuntimeLog.Collected(Logger, collected);
        }
    }

    /// <summary>
    /// Deactivates every activation (running OnDeactivateAsync, where grains persist) and refuses new work. Hosts may
    /// stop twice (WebApplicationFactory does): a second call waits for the first instead of deactivating again.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        Task task;
        lock (stopGate)
        {
            task = stopTask ??= StopOnceAsync(cancellationToken);
        }

        // Not WaitAsync(cancellationToken): the first stop gives up waiting for stuck turns on its own token and still
        // completes (marking the runtime stopped); a later caller waits for that, which the first caller's token bounds.
        return task;
    }

    private async Task StopOnceAsync(CancellationToken cancellationToken)
    {
        Reminders.Stop();
        sweepTimer?.Dispose();
        collectionTimer?.Dispose();

        // Deactivate in rounds: OnDeactivateAsync may call grains that are not active yet.
        for (var round = 0; round < 3 && Directory.Count > 0; round++)
        {
            RuntimeLog.Stopping(Logger, Directory.Count);
            var deactivations = new List<Task>();
            foreach (var activation in Directory.All)
            {
                var request = new DeactivateRequest(activation, DeactivationReason.ShuttingDown);
                if (activation.TryEnqueue(request))
                {
                    deactivations.Add(request.Completion);
                }
            }

            try
            {
                await Task.WhenAll(deactivations).WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // A turn that never ends must not keep the process from stopping; the rest have persisted.
                RuntimeLog.StopTimedOut(Logger, deactivations.Count(d => !d.IsCompleted));
                break;
            }
        }

        stopped = true;
        await stopping.CancelAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        stopping.Dispose();
    }
}
