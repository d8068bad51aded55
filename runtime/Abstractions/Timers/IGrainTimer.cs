namespace SmartCity.Twin.Runtime.Timers;

/// <summary>A timer owned by one activation; its ticks run as turns of that activation. Dispose to stop it.</summary>
public interface IGrainTimer : IDisposable
{
    void Change(TimeSpan dueTime, TimeSpan period);
}
