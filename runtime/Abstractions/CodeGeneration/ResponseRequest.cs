using System.ComponentModel;

namespace SmartCity.Twin.Runtime.CodeGeneration;

/// <summary>
/// A call whose caller waits for an answer. Only these carry a call chain and sit on the timeout list, so one-way
/// telemetry messages stay small.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class ResponseRequest : GrainRequest
{
    /// <summary>The activations waiting, further up the call chain, for this request (null for calls from outside any grain).</summary>
    internal CallChain? Chain;

    /// <summary>The runtime's list of calls awaiting a response, swept for timeouts; the request takes itself off when it completes.</summary>
    internal IPendingRequestList? PendingList;

    internal ResponseRequest? PendingPrevious;

    internal ResponseRequest? PendingNext;

    /// <summary>When the caller stops waiting, as a timestamp of the runtime's <see cref="TimeProvider"/>.</summary>
    internal long Deadline;
}
