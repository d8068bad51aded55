using Microsoft.Extensions.Logging;
using SmartCity.Twin.Runtime.CodeGeneration;
using SmartCity.Twin.Runtime.Logging;
using SmartCity.Twin.Runtime.Reminders;
using SmartCity.Twin.Runtime.Timers;

namespace SmartCity.Twin.Runtime.Activation;

/// <summary>
/// One activation of a grain: its mailbox and its turn loop. Requests are linked into the mailbox under a lock and
/// run on the thread pool one turn at a time; continuations of a turn come back through the activation's
/// <see cref="SynchronizationContext"/>, so grain code never runs on two threads at once, even when reentrant.
/// </summary>
internal sealed class GrainActivation : SynchronizationContext, IThreadPoolWorkItem, IGrainActivationContext
{
    private readonly GrainRuntime runtime;
    private readonly Lock gate = new();

    private GrainRequest? head;
    private GrainRequest? tail;
    private Queue<(SendOrPostCallback Callback, object? State)>? continuations;
    private bool scheduled;
    private int running;
    private int runningReadOnly;
    private ActivationStatus status;
    private List<IPersistentStateLoader>? states;
    private List<GrainTimer>? timers;
    private object? grain;

    public GrainActivation(GrainRuntime runtime, GrainClassDescriptor grainClass, string key)
    {
        this.runtime = runtime;
        GrainClass = grainClass;
        GrainId = new GrainId(grainClass.GrainType, key);
        LastActiveEpoch = runtime.Collector.Epoch;
        head = tail = new ActivateRequest(this);
    }

    public GrainClassDescriptor GrainClass { get; }

    internal GrainRuntime Runtime => runtime;

    public GrainId GrainId { get; }

    public bool IsReentrant => GrainClass.IsReentrant;

    /// <summary>The collector's epoch when a caller last reached this activation.</summary>
    public int LastActiveEpoch;

    /// <summary>Not collected before this time (<see cref="DelayDeactivation"/>).</summary>
    public DateTimeOffset KeepAliveUntil;

    /// <summary>The request whose turn started last and is still running; null when idle.</summary>
    public GrainRequest? CurrentRequest { get; private set; }

    public IServiceProvider ActivationServices => runtime.Services;

    public IGrainFactory GrainFactory => runtime;

    public TimeProvider TimeProvider => runtime.TimeProvider;

    internal object? Grain => grain;

    internal ActivationStatus Status
    {
        get
        {
            lock (gate)
            {
                return status;
            }
        }
    }

    /// <summary>Adds a request to the mailbox. False when the activation is gone: the caller finds or makes a new one.</summary>
    public bool TryEnqueue(GrainRequest request)
    {
        bool schedule;
        lock (gate)
        {
            if (status == ActivationStatus.Invalid)
            {
                return false;
            }

            request.Next = null;
            if (tail is null)
            {
                head = tail = request;
            }
            else
            {
                tail.Next = request;
                tail = request;
            }

            schedule = !scheduled;
            scheduled = true;
        }

        if (schedule)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }

        return true;
    }

    /// <summary>True when no caller's request is queued or running, for the idle collector. Timer ticks do not count: they must not keep a grain alive.</summary>
    public bool IsIdle()
    {
        lock (gate)
        {
            if (status != ActivationStatus.Valid || (running > 0 && CurrentRequest is not ActivationWorkItem))
            {
                return false;
            }

            for (var request = head; request is not null; request = request.Next)
            {
                if (request is not ActivationWorkItem)
                {
                    return false;
                }
            }

            return true;
        }
    }

    public void Execute()
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            var budget = runtime.Options.TurnsPerSchedule;
            while (budget-- > 0)
            {
                SendOrPostCallback? callback = null;
                object? state = null;
                GrainRequest? request;
                lock (gate)
                {
                    if (continuations is { Count: > 0 })
                    {
                        (callback, state) = continuations.Dequeue();
                        request = null;
                    }
                    else
                    {
                        request = head;
                        if (request is null || !CanStart(request))
                        {
                            scheduled = false;
                            return;
                        }

                        head = request.Next;
                        if (head is null)
                        {
                            tail = null;
                        }

                        request.Next = null;
                        running++;
                        if ((request.Flags & RequestFlags.ReadOnly) != 0)
                        {
                            runningReadOnly++;
                        }
                    }
                }

                if (callback is not null)
                {
                    callback(state);
                }
                else
                {
                    StartTurn(request!);
                }
            }

            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    private bool CanStart(GrainRequest request)
    {
        if (running == 0)
        {
            return true;
        }

        if (request is ActivationWorkItem)
        {
            return false;
        }

        if (GrainClass.IsReentrant || (request.Flags & RequestFlags.AlwaysInterleave) != 0)
        {
            return status == ActivationStatus.Valid;
        }

        return (request.Flags & RequestFlags.ReadOnly) != 0 && runningReadOnly == running;
    }

    private void StartTurn(GrainRequest request)
    {
        if (request is not ActivationWorkItem)
        {
            LastActiveEpoch = runtime.Collector.Epoch;
        }

        CurrentRequest = request;
        TurnContext.Current = request as ResponseRequest;
        var turn = request.Execute(grain!);
        if (turn.IsCompleted)
        {
            EndTurn(request);
            return;
        }

        var awaiter = turn.GetAwaiter();
        awaiter.UnsafeOnCompleted(() => EndTurn(request));
    }

    private void EndTurn(GrainRequest request)
    {
        lock (gate)
        {
            running--;
            if ((request.Flags & RequestFlags.ReadOnly) != 0)
            {
                runningReadOnly--;
            }

            if (running == 0)
            {
                // An idle activation must not keep its last request (and its arguments) alive.
                CurrentRequest = null;
            }

            if (head is not null && !scheduled)
            {
                scheduled = true;
                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
            }
        }
    }

    public override void Post(SendOrPostCallback d, object? state)
    {
        bool schedule;
        lock (gate)
        {
            (continuations ??= new Queue<(SendOrPostCallback, object?)>()).Enqueue((d, state));
            schedule = !scheduled;
            scheduled = true;
        }

        if (schedule)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    public override void Send(SendOrPostCallback d, object? state)
        => throw new NotSupportedException("Grain code cannot block its own activation; await instead.");

    public override SynchronizationContext CreateCopy() => this;

    // Activation and deactivation run as turns of this activation.

    internal async ValueTask ActivateAsync()
    {
        try
        {
            GrainContextScope.Constructing = this;
            try
            {
                grain = GrainClass.Create(runtime.Services, this);
            }
            finally
            {
                GrainContextScope.Constructing = null;
            }

            if (states is not null)
            {
                foreach (var state in states)
                {
                    await state.ReadStateAsync();
                }
            }

            await ((Grain)grain).OnActivateAsync(runtime.StoppingToken);
            lock (gate)
            {
                status = ActivationStatus.Valid;
            }
        }
        catch (Exception exception)
        {
            RuntimeLog.ActivationFailed(runtime.Logger, GrainId, exception);
            var failure = new InvalidOperationException($"Activation of grain {GrainId} failed: {exception.Message}", exception);
            foreach (var request in Close())
            {
                request.Fail(failure);
            }
        }
    }

    internal async ValueTask DeactivateAsync(DeactivationReason reason)
    {
        lock (gate)
        {
            if (status != ActivationStatus.Valid)
            {
                return;
            }

            status = ActivationStatus.Deactivating;
        }

        DisposeTimers();
        try
        {
            await ((Grain)grain!).OnDeactivateAsync(reason, CancellationToken.None);
        }
        catch (Exception exception)
        {
            RuntimeLog.DeactivationFailed(runtime.Logger, GrainId, exception);
        }

        // Requests that arrived while deactivating go to the next activation, in order.
        foreach (var request in Close())
        {
            runtime.Forward(this, request);
        }
    }

    /// <summary>Marks the activation invalid, removes it from the directory and returns the requests still queued.</summary>
    private List<GrainRequest> Close()
    {
        var remaining = new List<GrainRequest>();
        lock (gate)
        {
            status = ActivationStatus.Invalid;
            for (var request = head; request is not null;)
            {
                var next = request.Next;
                request.Next = null;
                if (request is not ActivationWorkItem)
                {
                    remaining.Add(request);
                }

                request = next;
            }

            head = tail = null;
        }

        DisposeTimers();
        runtime.Directory.Remove(this);
        return remaining;
    }

    private void DisposeTimers()
    {
        List<GrainTimer>? toDispose;
        lock (gate)
        {
            toDispose = timers;
            timers = null;
        }

        if (toDispose is not null)
        {
            foreach (var timer in toDispose)
            {
                timer.Dispose();
            }
        }
    }

    internal void RemoveTimer(GrainTimer timer)
    {
        lock (gate)
        {
            timers?.Remove(timer);
        }
    }

    // IGrainContext

    public IPersistentState<TState> GetPersistentState<TState>(string stateName, string? storageName)
        where TState : new()
    {
        var state = new PersistentState<TState>(stateName, GrainId, runtime.GetStorage(storageName));
        (states ??= []).Add(state);
        return state;
    }

    public IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new GrainTimer(this, callback, runtime.Logger);
        lock (gate)
        {
            if (status == ActivationStatus.Invalid)
            {
                throw new InvalidOperationException($"Grain {GrainId} is no longer active.");
            }

            (timers ??= []).Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    public Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        if (grain is not IRemindable)
        {
            throw new InvalidOperationException($"Grain {GrainId} must implement {nameof(IRemindable)} to register reminders.");
        }

        return runtime.Reminders.RegisterOrUpdateAsync(GrainId, reminderName, dueTime, period);
    }

    public Task UnregisterReminder(IGrainReminder reminder) => runtime.Reminders.UnregisterAsync(GrainId, reminder);

    public Task<IGrainReminder?> GetReminder(string reminderName) => runtime.Reminders.GetAsync(GrainId, reminderName);

    public void DeactivateOnIdle() => TryEnqueue(new DeactivateRequest(this, DeactivationReason.ApplicationRequested));

    public void DelayDeactivation(TimeSpan timeSpan)
    {
        var until = runtime.TimeProvider.GetUtcNow() + timeSpan;
        if (until > KeepAliveUntil)
        {
            KeepAliveUntil = until;
        }
    }

    public override string ToString() => GrainId.ToString();
}
