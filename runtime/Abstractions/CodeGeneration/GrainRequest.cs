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

    /// <summary>Interface and method, for error messages and logs.</summary>
    public abstract string MethodName { get; }

    public virtual RequestFlags Flags => RequestFlags.None;

    /// <summary>Runs the call on <paramref name="grain"/> and completes the request; the returned task ends with the turn.</summary>
    internal abstract ValueTask Execute(object grain);

    /// <summary>Fails the request without running it (activation failed, timeout, cycle). Returns false if it had already completed.</summary>
    internal abstract bool Fail(Exception exception);
}
