using System.ComponentModel;
using System.Threading.Tasks.Sources;

namespace SmartCity.Twin.Runtime.CodeGeneration;

/// <summary>A call that answers with a <typeparamref name="TResult"/>. The request is its own completion source: one allocation per call.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class Request<TResult> : ResponseRequest, IValueTaskSource<TResult>, IValueTaskSource
{
    private ManualResetValueTaskSourceCore<TResult> completion = new() { RunContinuationsAsynchronously = true };
    private int completed;

    protected abstract ValueTask<TResult> Invoke(object grain);

    /// <summary>The task the proxy hands to the caller.</summary>
    public ValueTask<TResult> AsValueTask() => new(this, completion.Version);

    /// <summary>The task the proxy hands to the caller of a method without a result.</summary>
    public ValueTask AsVoidValueTask() => new(this, completion.Version);

    /// <summary>Adapts a grain method's <see cref="Task"/> without allocating when it already completed.</summary>
    protected static ValueTask<VoidResult> FromTask(Task task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.IsCompletedSuccessfully ? default : AwaitTask(task);
    }

    protected static ValueTask<VoidResult> FromValueTask(ValueTask task)
        => task.IsCompletedSuccessfully ? default : AwaitValueTask(task);

    private static async ValueTask<VoidResult> AwaitTask(Task task)
    {
        await task;
        return default;
    }

    private static async ValueTask<VoidResult> AwaitValueTask(ValueTask task)
    {
        await task;
        return default;
    }

    internal override ValueTask Execute(object grain)
    {
        ValueTask<TResult> pending;
        try
        {
            pending = Invoke(grain);
        }
        catch (Exception exception)
        {
            Fail(exception);
            return default;
        }

        if (pending.IsCompletedSuccessfully)
        {
            Complete(pending.Result);
            return default;
        }

        return AwaitCompletion(pending);
    }

    internal bool Complete(TResult result)
    {
        if (Interlocked.Exchange(ref completed, 1) != 0)
        {
            return false;
        }

        OnCompleted();
        completion.SetResult(result);
        return true;
    }

    internal override bool Fail(Exception exception)
    {
        if (Interlocked.Exchange(ref completed, 1) != 0)
        {
            return false;
        }

        OnCompleted();
        completion.SetException(exception);
        return true;
    }

    internal bool IsCompleted => Volatile.Read(ref completed) != 0;

    private void OnCompleted() => PendingList?.Remove(this);

    private async ValueTask AwaitCompletion(ValueTask<TResult> pending)
    {
        TResult result;
        try
        {
            result = await pending;
        }
        catch (Exception exception)
        {
            Fail(exception);
            return;
        }

        Complete(result);
    }

    void IValueTaskSource.GetResult(short token) => completion.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => completion.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        => completion.OnCompleted(continuation, state, token, flags);

    TResult IValueTaskSource<TResult>.GetResult(short token) => completion.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<TResult>.GetStatus(short token) => completion.GetStatus(token);

    void IValueTaskSource<TResult>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        => completion.OnCompleted(continuation, state, token, flags);
}
