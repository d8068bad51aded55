using Microsoft.Extensions.Logging;
using SmartCity.Twin.Runtime.Activation;
using SmartCity.Twin.Runtime.Logging;

namespace SmartCity.Twin.Runtime.Timers;

/// <summary>
/// A timer whose ticks are turns of its activation. The next tick is scheduled only after the previous one has run,
/// so a slow callback never piles up ticks.
/// </summary>
internal sealed class GrainTimer : IGrainTimer
{
    private readonly GrainActivation activation;
    private readonly Func<CancellationToken, Task> callback;
    private readonly ILogger logger;
    private readonly ITimer timer;
    private readonly CancellationTokenSource disposed = new();
    private TimeSpan period = Timeout.InfiniteTimeSpan;

    public GrainTimer(GrainActivation activation, Func<CancellationToken, Task> callback, ILogger logger)
    {
        this.activation = activation;
        this.callback = callback;
        this.logger = logger;
        timer = activation.TimeProvider.CreateTimer(static state => ((GrainTimer)state!).Due(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        ObjectDisposedException.ThrowIf(disposed.IsCancellationRequested, this);
        this.period = period;
        timer.Change(dueTime, Timeout.InfiniteTimeSpan);
    }

    private void Due()
    {
        if (!disposed.IsCancellationRequested && !activation.TryEnqueue(new TimerTick(this)))
        {
            Dispose();
        }
    }

    internal async ValueTask TickAsync()
    {
        if (disposed.IsCancellationRequested)
        {
            return;
        }

        try
        {
            await callback(disposed.Token);
        }
        catch (Exception exception)
        {
            if (!disposed.IsCancellationRequested)
            {
                RuntimeLog.TimerTickFailed(logger, activation.GrainId, exception);
            }
        }

        if (!disposed.IsCancellationRequested && period != Timeout.InfiniteTimeSpan)
        {
            timer.Change(period, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        if (disposed.IsCancellationRequested)
        {
            return;
        }

        disposed.Cancel();
        timer.Dispose();
        activation.RemoveTimer(this);
    }

    private sealed class TimerTick(GrainTimer owner) : ActivationWorkItem
    {
        public override string MethodName => "TimerTick";

        internal override ValueTask Execute(object grain) => owner.TickAsync();
    }
}
