using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Runtime;
using SmartCity.Twin.Runtime.Reminders;

namespace SmartCity.Twin.Grains.Alerts;

/// <summary>
/// Holds one alert and its audit trail. Saved on every change before the call returns, so an operator's
/// acknowledgement is never lost to a crash, then published to the <see cref="AlertChangeFeed"/>.
/// </summary>
/// <remarks>
/// <para>
/// A plain repeat of an open alert only counts (<see cref="AlertSnapshot.RepeatCount"/>): a detector that re-raises
/// every few seconds must not grow the trail. A repeat after the condition had cleared is recorded as
/// <c>repeated</c>, because the condition came back; a repeat that reports a higher severity raises it.
/// </para>
/// <para>
/// Escalation runs on a durable reminder rather than a grain timer: a timer lives only as long as the activation,
/// so an unacknowledged alert would have to stay in memory for minutes and would never escalate after a silo
/// restart. The reminder is registered only while the alert is active and has an escalation ahead
/// (<see cref="AlertSnapshot.EscalatesAt"/>), and removed once it is acknowledged or resolved, so handled alerts cost
/// nothing; after a restart the reminder service fires it again, within a minute if it fell due meanwhile.
/// </para>
/// </remarks>
[GrainType(AlertState.GrainType)]
internal sealed class AlertGrain(
    [PersistentState(AlertState.StateName)] IPersistentState<AlertState> state,
    AlertChangeFeed changes,
    IOptions<AlertLifecycleOptions> lifecycle,
    ILogger<AlertGrain> logger) : Grain, IAlert, IRemindable
{
    private const string SystemActor = "system";
    private const string EscalationReminder = "escalate";
    private const string ConditionClearedNote = "Điều kiện đã hết (condition cleared)";

    // Every tick either escalates and registers the next escalation afresh, or removes the reminder, so the period
    // only matters when a tick did not get through: a silo that was down when the escalation fell due fires it at
    // the next period boundary, and a failed save is retried then. The shortest period the runtime accepts by default.
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromMinutes(1);

    private readonly AlertLifecycleOptions options = lifecycle.Value;
    private readonly IReadOnlySet<string> autoResolveTypes = lifecycle.Value.AutoResolveTypeSet();

    private string AlertId => GetPrimaryKeyString();

    public async Task<AlertSnapshot> Raise(AlertRaise raise)
    {
        ArgumentNullException.ThrowIfNull(raise);
        var current = state.State.Alert;
        var now = TimeProvider.GetUtcNow();
        if (current is null)
        {
            var severity = raise.Severity ?? AlertSeverities.Of(raise.Type);
            var opened = new AlertSnapshot
            {
                Id = AlertId,
                Version = 1,
                Type = raise.Type,
                Severity = severity,
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
                EscalatesAt = now + options.EscalateAfter.For(severity),
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
        if (raise.Severity is { } reported && reported > current.Severity)
        {
            // Never lowered: an operator who saw "Critical" must not find it quietly downgraded by a calmer reading.
            repeated = WithSeverity(
                repeated,
                reported,
                new AlertTransition("severity-raised", SystemActor, raise.At, Truncate(raise.Message), current.Severity, reported),
                now);
        }

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
            EscalatesAt = null,
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
            EscalatesAt = null,
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

        var cleared = current with
        {
            ClearedAt = at,
            Transitions = Append(current.Transitions, new AlertTransition("cleared", SystemActor, at)),
        };
        if (!autoResolveTypes.Contains(current.Type))
        {
            return await SaveAsync(cleared);
        }

        AlertLog.Handled(logger, AlertId, "resolved", SystemActor);
        return await SaveAsync(cleared with
        {
            Status = AlertStatus.Resolved,
            ResolvedAt = at,
            ResolvedBy = SystemActor,
            EscalatesAt = null,
            Transitions = Append(cleared.Transitions, new AlertTransition("resolved", SystemActor, at, ConditionClearedNote)),
        });
    }

    public async Task<AlertSnapshot> Corroborate(IReadOnlyList<string> alertIds)
    {
        ArgumentNullException.ThrowIfNull(alertIds);
        var current = Existing();
        if (current.Status == AlertStatus.Resolved)
        {
            return current;
        }

        var known = current.CorroboratedBy;
        var added = new List<string>();
        foreach (var id in alertIds)
        {
            if (!string.IsNullOrEmpty(id) && id != AlertId && !known.Contains(id) && !added.Contains(id))
            {
                added.Add(id);
            }
        }

        if (added.Count == 0)
        {
            return current;
        }

        var at = TimeProvider.GetUtcNow();
        var note = "Được xác nhận bởi cảnh báo gần đó (corroborated by): " + string.Join(", ", added);
        var corroborated = current with { CorroboratedBy = [.. known, .. added] };

        // One level for being confirmed at all; more confirmations add to the trail, not to the severity.
        if (known.Count == 0 && current.Severity < AlertSeverity.Critical)
        {
            var raised = current.Severity + 1;
            AlertLog.Corroborated(logger, AlertId, current.Severity, raised, added.Count);
            corroborated = WithSeverity(corroborated, raised, new AlertTransition("corroborated", SystemActor, at, Truncate(note), current.Severity, raised), at);
        }
        else
        {
            corroborated = corroborated with
            {
                Transitions = Append(current.Transitions, new AlertTransition("corroborated", SystemActor, at, Truncate(note))),
            };
        }

        return await SaveAsync(corroborated);
    }

    public Task<AlertSnapshot> GetSnapshot() => Task.FromResult(Existing());

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != EscalationReminder)
        {
            return;
        }

        var current = state.State.Alert;
        var now = TimeProvider.GetUtcNow();
        if (current is not { Status: AlertStatus.Active, EscalatesAt: { } due })
        {
            // Acknowledged or resolved while the tick was on its way, or the unregistering failed earlier.
            await StopEscalationAsync();
            return;
        }

        if (due > now)
        {
            await ScheduleEscalationAsync(due, now);
            return;
        }

        await SaveAsync(Escalated(current, now));
    }

    private AlertSnapshot Escalated(AlertSnapshot current, DateTimeOffset now)
    {
        var from = current.Severity;
        var ceiling = EscalationCeiling(current.Type);
        var to = from < ceiling ? from + 1 : from;
        var waited = options.EscalateAfter.For(from) ?? (now - (current.EscalatedAt ?? now));
        var note = string.Create(
            CultureInfo.InvariantCulture,
            $"Chưa được tiếp nhận sau {waited.TotalMinutes:0.#} phút (not acknowledged in time): {from} → {to}");
        AlertLog.Escalated(logger, AlertId, current.EscalationLevel + 1, from, to);
        return current with
        {
            Severity = to,
            EscalationLevel = current.EscalationLevel + 1,
            EscalatedAt = now,

            // Again after the new severity's wait, until its ceiling: past that there is no one higher to wake.
            EscalatesAt = to < ceiling ? now + options.EscalateAfter.For(to) : null,
            Transitions = Append(current.Transitions, new AlertTransition("escalated", SystemActor, now, note, from, to)),
        };
    }

    /// <summary>
    /// How far waiting can take an alert: a routine type (one that resolves itself, e.g. offline or congestion) at most
    /// to High, so that a district's power cut left unacknowledged does not end up beside a fire at Critical.
    /// </summary>
    private AlertSeverity EscalationCeiling(string type) => autoResolveTypes.Contains(type) ? AlertSeverity.High : AlertSeverity.Critical;

    /// <summary>Raises the severity and, for an active alert, brings its escalation forward if the higher severity's wait ends sooner.</summary>
    private AlertSnapshot WithSeverity(AlertSnapshot alert, AlertSeverity severity, AlertTransition transition, DateTimeOffset now)
    {
        var escalatesAt = alert.EscalatesAt;
        if (alert.Status == AlertStatus.Active
            && (severity < AlertSeverity.Critical || alert.EscalationLevel == 0)
            && now + options.EscalateAfter.For(severity) is { } sooner
            && (escalatesAt is null || sooner < escalatesAt))
        {
            escalatesAt = sooner;
        }

        return alert with
        {
            Severity = severity,
            EscalatesAt = escalatesAt,
            Transitions = Append(alert.Transitions, transition),
        };
    }

    private AlertSnapshot Existing() =>
        state.State.Alert ?? throw new AlertNotFoundException($"No alert '{AlertId}' has been raised.");

    private async Task<AlertSnapshot> SaveAsync(AlertSnapshot alert)
    {
        var saved = alert with { Version = (state.State.Alert?.Version ?? 0) + 1, IncidentId = null };
        var previous = state.State.Alert;

        // The reminder first: whoever sees the new alert may rely on its escalation being scheduled. Should the write
        // then fail, a stray tick finds nothing due and puts the reminder right.
        if (saved.EscalatesAt is { } due)
        {
            if (due != previous?.EscalatesAt)
            {
                await ScheduleEscalationAsync(due, TimeProvider.GetUtcNow());
            }
        }
        else if (previous?.EscalatesAt is not null)
        {
            await StopEscalationAsync();
        }

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

        if (saved.Status == AlertStatus.Resolved)
        {
            // Resolved alerts are read from the directory, not from here: thousands of them must not stay in memory.
            DeactivateOnIdle();
        }

        return saved;
    }

    private async Task ScheduleEscalationAsync(DateTimeOffset due, DateTimeOffset now)
    {
        var wait = due > now ? due - now : TimeSpan.Zero;
        try
        {
            await RegisterOrUpdateReminder(EscalationReminder, wait, RetryPeriod);
        }
        catch (Exception exception)
        {
            // The alert is saved and shown as due to escalate; failing the detector's or operator's call would not help.
            AlertLog.EscalationNotScheduled(logger, exception, AlertId);
        }
    }

    private async Task StopEscalationAsync()
    {
        try
        {
            if (await GetReminder(EscalationReminder) is { } reminder)
            {
                await UnregisterReminder(reminder);
            }
        }
        catch (Exception exception)
        {
            // A stray tick finds the alert handled and tries again; nothing escalates meanwhile.
            AlertLog.EscalationNotStopped(logger, exception, AlertId);
        }
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
