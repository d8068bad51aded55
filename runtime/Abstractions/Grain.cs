using SmartCity.Twin.Runtime.Reminders;
using SmartCity.Twin.Runtime.Timers;

namespace SmartCity.Twin.Runtime;

/// <summary>
/// Base class of grain implementations. One activation runs one turn at a time (unless <see cref="ReentrantAttribute"/>),
/// so grain code needs no locks.
/// </summary>
public abstract class Grain
{
    protected Grain()
    {
        GrainContext = GrainContextScope.Constructing
            ?? throw new InvalidOperationException("Grains are created by the runtime; use IGrainFactory.GetGrain to reach one.");
    }

    public IGrainContext GrainContext { get; }

    public GrainId GrainId => GrainContext.GrainId;

    protected IGrainFactory GrainFactory => GrainContext.GrainFactory;

    protected IServiceProvider ServiceProvider => GrainContext.ActivationServices;

    protected TimeProvider TimeProvider => GrainContext.TimeProvider;

    public string GetPrimaryKeyString() => GrainContext.GrainId.Key;

    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs <paramref name="callback"/> as a turn of this activation after <paramref name="dueTime"/>, then every <paramref name="period"/> (<see cref="Timeout.InfiniteTimeSpan"/>: once). Ticks do not keep the grain from idle collection.</summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
        => GrainContext.RegisterGrainTimer(callback, dueTime, period);

    /// <summary>Registers a durable reminder; it survives deactivation and silo restarts. The grain must implement <see cref="IRemindable"/>.</summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period)
        => GrainContext.RegisterOrUpdateReminder(reminderName, dueTime, period);

    protected Task UnregisterReminder(IGrainReminder reminder) => GrainContext.UnregisterReminder(reminder);

    protected Task<IGrainReminder?> GetReminder(string reminderName) => GrainContext.GetReminder(reminderName);

    /// <summary>Deactivates this activation once the current turn ends.</summary>
    protected void DeactivateOnIdle() => GrainContext.DeactivateOnIdle();

    /// <summary>Keeps this activation from idle collection for at least <paramref name="timeSpan"/>.</summary>
    protected void DelayDeactivation(TimeSpan timeSpan) => GrainContext.DelayDeactivation(timeSpan);
}
