using Microsoft.Extensions.Logging;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Grains.Alerts;

/// <summary>
/// Holds one alert and its audit trail. Saved on every change before the call returns, so an operator's
/// acknowledgement is never lost to a crash, then published to the <see cref="AlertChangeFeed"/>.
/// </summary>
/// <remarks>
/// A plain repeat of an open alert only counts (<see cref="AlertSnapshot.RepeatCount"/>): a detector that re-raises
/// every few seconds must not grow the trail. A repeat after the condition had cleared is recorded as
/// <c>repeated</c>, because the condition came back.
/// </remarks>
[GrainType(AlertState.GrainType)]
internal sealed class AlertGrain(
    [PersistentState(AlertState.StateName)] IPersistentState<AlertState> state,
    AlertChangeFeed changes,
    ILogger<AlertGrain> logger) : Grain, IAlert
{
    private const string SystemActor = "system";

    private string AlertId => GetPrimaryKeyString();

    public async Task<AlertSnapshot> Raise(AlertRaise raise)
    {
        ArgumentNullException.ThrowIfNull(raise);
        var current = state.State.Alert;
        if (current is null)
        {
            var opened = new AlertSnapshot
            {
                Id = AlertId,
                Version = 1,
                Type = raise.Type,
                Severity = raise.Severity ?? AlertSeverities.Of(raise.Type),
                Status = AlertStatus.Active,
                TwinId = raise.TwinId,
                TwinKind = raise.TwinKind,
                DistrictId = raise.DistrictId,
                Location = raise.Location,
                Message = Truncate(raise.Message),
                DedupKey = AlertIds.DedupKey(raise.TwinId, raise.Type),
                RaisedAt = raise.At,
                LastRaisedAt = raise.At,
                RepeatCount = 1,
                Evidence = new Dictionary<string, double>(raise.Evidence, StringComparer.Ordinal),
                Transitions = [new AlertTransition("raised", SystemActor, raise.At, Truncate(raise.Message))],
            };
            AlertLog.Raised(logger, AlertId, opened.Type, opened.Severity, opened.TwinId);
            return await SaveAsync(opened);
        }

        if (current.Status == AlertStatus.Resolved)
        {
            return current;
        }

        var repeated = current with
        {
            RepeatCount = current.RepeatCount + 1,
            LastRaisedAt = raise.At > current.LastRaisedAt ? raise.At : current.LastRaisedAt,
            ClearedAt = null,
            Transitions = current.ClearedAt is null
                ? current.Transitions
                : Append(current.Transitions, new AlertTransition("repeated", SystemActor, raise.At, Truncate(raise.Message))),
        };
        return await SaveAsync(repeated);
    }

    public async Task<AlertSnapshot> Acknowledge(string by, string? note)
    {
        var current = Existing();
        if (current.Status != AlertStatus.Active)
        {
            throw new AlertTransitionException(current.Status == AlertStatus.Acknowledged
                ? $"Alert '{AlertId}' was already acknowledged by {current.AcknowledgedBy} at {current.AcknowledgedAt:O}."
                : $"Alert '{AlertId}' is resolved (by {current.ResolvedBy} at {current.ResolvedAt:O}); a resolved alert cannot be acknowledged.");
        }

        var at = TimeProvider.GetUtcNow();
        var actor = Actor(by);
        AlertLog.Handled(logger, AlertId, "acknowledged", actor);
        return await SaveAsync(current with
        {
            Status = AlertStatus.Acknowledged,
            AcknowledgedAt = at,
            AcknowledgedBy = actor,
            Transitions = Append(current.Transitions, new AlertTransition("acknowledged", actor, at, Note(note))),
        });
    }

    public async Task<AlertSnapshot> Resolve(string by, string? note)
    {
        var current = Existing();
        if (current.Status == AlertStatus.Resolved)
        {
            throw new AlertTransitionException($"Alert '{AlertId}' was already resolved by {current.ResolvedBy} at {current.ResolvedAt:O}.");
        }

        var at = TimeProvider.GetUtcNow();
        var actor = Actor(by);
        AlertLog.Handled(logger, AlertId, "resolved", actor);
        return await SaveAsync(current with
        {
            Status = AlertStatus.Resolved,
            ResolvedAt = at,
            ResolvedBy = actor,
            Transitions = Append(current.Transitions, new AlertTransition("resolved", actor, at, Note(note))),
        });
    }

    public async Task<AlertSnapshot> Comment(string by, string text)
    {
        var current = Existing();
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new AlertCommentException("A comment needs some text.");
        }

        var at = TimeProvider.GetUtcNow();
        return await SaveAsync(current with
        {
            Transitions = Append(current.Transitions, new AlertTransition("commented", Actor(by), at, Note(text))),
        });
    }

    public async Task<AlertSnapshot> Clear(DateTimeOffset at)
    {
        var current = Existing();
        if (current.ClearedAt is not null || current.Status == AlertStatus.Resolved)
        {
            return current;
        }

        return await SaveAsync(current with
        {
            ClearedAt = at,
            Transitions = Append(current.Transitions, new AlertTransition("cleared", SystemActor, at)),
        });
    }

    public Task<AlertSnapshot> GetSnapshot() => Task.FromResult(Existing());

    private AlertSnapshot Existing() =>
        state.State.Alert ?? throw new AlertNotFoundException($"No alert '{AlertId}' has been raised.");

    private async Task<AlertSnapshot> SaveAsync(AlertSnapshot alert)
    {
        var saved = alert with { Version = (state.State.Alert?.Version ?? 0) + 1, IncidentId = null };
        var previous = state.State.Alert;
        state.State.Alert = saved;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Unsaved means it did not happen: the caller sees the failure and may retry from the saved alert.
            state.State.Alert = previous;
            throw;
        }

        changes.Publish(saved);
        return saved;
    }

    private static string Actor(string by) => string.IsNullOrWhiteSpace(by) ? SystemActor : by.Trim();

    private static string? Note(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (text.Length > AlertLimits.MaxTextLength)
        {
            throw new AlertCommentException($"A comment or note is at most {AlertLimits.MaxTextLength} characters; this one has {text.Length}.");
        }

        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static string? Truncate(string? text) =>
        text is { Length: > AlertLimits.MaxTextLength } ? text[..AlertLimits.MaxTextLength] : text;

    private static AlertTransition[] Append(IReadOnlyList<AlertTransition> transitions, AlertTransition next)
    {
        // Keep the opening entry and the most recent ones: who raised it and what happened lately matter most.
        var keep = Math.Min(transitions.Count, AlertLimits.MaxTransitions - 1);
        var result = new AlertTransition[keep + 1];
        if (keep == transitions.Count)
        {
            for (var i = 0; i < keep; i++)
            {
                result[i] = transitions[i];
            }
        }
        else
        {
            result[0] = transitions[0];
            for (var i = 1; i < keep; i++)
            {
                result[i] = transitions[transitions.Count - keep + i];
            }
        }

        result[keep] = next;
        return result;
    }
}
