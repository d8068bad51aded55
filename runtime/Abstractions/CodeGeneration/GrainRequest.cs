using System.ComponentModel;

namespace SmartCity.Twin.Runtime.CodeGeneration;

/// <summary>
/// One call to a grain: the arguments, the generated dispatch to the grain method, and (for calls that answer) the
/// completion the caller awaits. The runtime links requests into an activation's mailbox through <see cref="Next"/>,
/// so enqueueing allocates nothing beyond the request itself.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class GrainRequest
{
    internal GrainRequest? Next;

    /// <summary>The activations waiting, further up the call chain, for this request (null for calls from outside any grain and for one-way calls).</summary>
    internal CallChain? Chain;

    /// <summary>The runtime's list of calls awaiting a response, swept for timeouts; the request takes itself off when it completes.</summary>
    internal IPendingRequestList? PendingList;

    internal GrainRequest? PendingPrevious;

    internal GrainRequest? PendingNext;

    /// <summary>When the caller stops waiting, as a timestamp of the runtime's <see cref="TimeProvider"/>.</summary>
    internal long Deadline;

    /// <summary>Interface and method, for error messages and logs.</summary>
    public abstract string MethodName { get; }

    public virtual RequestFlags Flags => RequestFlags.None;

    /// <summary>Runs the call on <paramref name="grain"/> and completes the request; the returned task ends with the turn.</summary>
    internal abstract ValueTask Execute(object grain);

    /// <summary>Fails the request without running it (activation failed, timeout, cycle). Returns false if it had already completed.</summary>
    internal abstract bool Fail(Exception exception);

    internal virtual bool ExpectsResponse => true;
}
