using SmartCity.Twin.Runtime;
using SmartCity.Twin.Runtime.Timers;

namespace SmartCity.Twin.Grains.Persistence;

/// <summary>
/// A twin's durable state written behind its changes: telemetry-rate changes only mark it dirty, a grain timer writes
/// it every interval, and deactivation writes what is left. Significant changes are written at once with <see cref="WriteAsync"/>.
/// </summary>
internal sealed class WriteBehindState<TState>(IPersistentState<TState> persistentState, Action<Exception> writeFailed)
{
    private IGrainTimer? timer;

    public TState State => persistentState.State;

    public bool IsDirty { get; private set; }

    public void MarkDirty() => IsDirty = true;

    /// <summary>Starts the periodic write; call from <see cref="Grain.OnActivateAsync"/>.</summary>
    public void Start(IGrainContext grain, TimeSpan interval)
        => timer = grain.RegisterGrainTimer(_ => WriteIfDirtyAsync(), interval, interval);

    /// <summary>Stops the periodic write and writes what is dirty; call from <see cref="Grain.OnDeactivateAsync"/>.</summary>
    public async Task StopAsync()
    {
        timer?.Dispose();
        await WriteIfDirtyAsync();
    }

    /// <summary>Writes now. A failure is reported, leaves the state dirty for the next tick, and is rethrown to the caller.</summary>
    public async Task WriteAsync()
    {
        try
        {
            await persistentState.WriteStateAsync();
            IsDirty = false;
        }
        catch (Exception exception)
        {
            IsDirty = true;
            writeFailed(exception);
            throw;
        }
    }

    public async Task WriteIfDirtyAsync()
    {
        if (!IsDirty)
        {
            return;
        }

        try
        {
            await WriteAsync();
        }
        catch (Exception)
        {
            // Reported by WriteAsync; the state stays dirty and the next tick retries.
        }
    }
}
