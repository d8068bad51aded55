using SmartCity.Twin.Runtime.Reminders;
using SmartCity.Twin.Runtime.Timers;

namespace SmartCity.Twin.Runtime;

/// <summary>What the runtime gives one activation. Grain code reaches it through <see cref="Grain"/>.</summary>
public interface IGrainContext
{
    GrainId GrainId { get; }

    IServiceProvider ActivationServices { get; }

    IGrainFactory GrainFactory { get; }

    TimeProvider TimeProvider { get; }

    IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period);

    Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period);

    Task UnregisterReminder(IGrainReminder reminder);

    Task<IGrainReminder?> GetReminder(string reminderName);

    void DeactivateOnIdle();

    void DelayDeactivation(TimeSpan timeSpan);
}
