using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Grains.Alerts;

/// <summary>
/// One alert, keyed by its id (<see cref="AlertIds"/>). Device twins raise and clear it; operators acknowledge,
/// resolve and comment. Every change is saved before the call returns and then published to the
/// <see cref="IAlertObserver"/>s.
/// </summary>
public interface IAlert : IGrainWithStringKey
{
    /// <summary>
    /// Opens the alert, or, while it is not resolved, counts a repeat (<see cref="AlertSnapshot.RepeatCount"/>,
    /// <see cref="AlertSnapshot.LastRaisedAt"/>); a repeat with a higher <see cref="AlertRaise.Severity"/> raises the
    /// alert's (never lowers it). A resolved alert is left as it is and returned: the caller opens a new one. An
    /// active alert is escalated when nobody acknowledges it within <see cref="AlertLifecycleOptions.EscalateAfter"/>.
    /// </summary>
    Task<AlertSnapshot> Raise(AlertRaise raise);

    /// <summary>Throws <see cref="AlertTransitionException"/> unless the alert is active; <see cref="AlertNotFoundException"/> if never raised.</summary>
    Task<AlertSnapshot> Acknowledge(string by, string? note);

    /// <summary>From active or acknowledged; throws <see cref="AlertTransitionException"/> if already resolved.</summary>
    Task<AlertSnapshot> Resolve(string by, string? note);

    /// <summary>Any status. Throws <see cref="AlertCommentException"/> for blank text or text over <see cref="AlertLimits.MaxTextLength"/> characters.</summary>
    Task<AlertSnapshot> Comment(string by, string text);

    /// <summary>
    /// The condition ended by itself at <paramref name="at"/>: recorded as <c>cleared</c>. A type in
    /// <see cref="AlertLifecycleOptions.AutoResolveTypes"/> is then resolved by <c>system</c>; any other (fire, smoke,
    /// intrusion…) keeps its status until an operator resolves it. Idempotent.
    /// </summary>
    Task<AlertSnapshot> Clear(DateTimeOffset at);

    /// <summary>
    /// Alerts on other twins nearby (<paramref name="alertIds"/>) confirm this one: recorded as <c>corroborated</c>
    /// naming them, and the first confirmation raises the severity one level (at most Critical). Ids already recorded
    /// change nothing; a resolved alert is left as it is.
    /// </summary>
    Task<AlertSnapshot> Corroborate(IReadOnlyList<string> alertIds);

    /// <summary>Throws <see cref="AlertNotFoundException"/> if never raised.</summary>
    [ReadOnly]
    Task<AlertSnapshot> GetSnapshot();
}
