using System.ComponentModel;

namespace SmartCity.Twin.Runtime.CodeGeneration;

/// <summary>A fire-and-forget call. Failures are logged by the runtime; nobody awaits them.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class OneWayRequest : GrainRequest
{
    internal static Action<OneWayRequest, Exception>? UnobservedFailure;

    public override RequestFlags Flags => RequestFlags.OneWay;

    protected abstract ValueTask Invoke(object grain);

    internal override ValueTask Execute(object grain)
    {
        ValueTask pending;
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
            return default;
        }

        return AwaitCompletion(pending);
    }

    internal override bool Fail(Exception exception)
    {
        UnobservedFailure?.Invoke(this, exception);
        return true;
    }

    private async ValueTask AwaitCompletion(ValueTask pending)
    {
        try
        {
            await pending;
        }
        catch (Exception exception)
        {
            Fail(exception);
        }
    }
}
