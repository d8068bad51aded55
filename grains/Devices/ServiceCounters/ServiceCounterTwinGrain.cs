using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Hosting;
using SmartCity.Twin.Grains.Observation;
using SmartCity.Twin.Grains.Warnings;
using SmartCity.Twin.Grains.Warnings.ServiceCounters;
using SmartCity.Twin.Grains.Warnings.Sustained;
using SmartCity.Twin.Runtime;
using SmartCity.Twin.Runtime.Timers;

namespace SmartCity.Twin.Grains.Devices.ServiceCounters;

/// <remarks>
/// Detectors (<see cref="ServiceCounterWarningOptions"/>) judge by the counter's own clock: an absence reaches its
/// limit when a later message from the counter (its queue telemetry every minute, a presence event) is stamped at or
/// after the moment the opening hours since the officer left add up to the limit. A grain timer stands in for a
/// counter that falls silent meanwhile.
/// </remarks>
[GrainType("service-counter")]
internal sealed class ServiceCounterTwinGrain(
    [PersistentState("twin")] IPersistentState<ServiceCounterTwinState> state,
    ProvinceMap provinceMap,
    TwinChangeFeed changes,
    IOptions<TwinOptions> options,
    IOptions<WarningOptions> warningOptions,
    ILogger<ServiceCounterTwinGrain> logger)
    : DeviceTwinGrain<ServiceCounterTwinState>(state, provinceMap, changes, options, logger), IServiceCounterTwin
{
    private const string QueueLengthMetric = "queue_length";

    private readonly WarningOptions warnings = warningOptions.Value;
    private IGrainTimer? absenceTimer;

    // The newest reading time in the counter's clock, and when (silo clock) it arrived: the timer's estimate of the counter's "now".
    private DateTimeOffset latestReadingAt = DateTimeOffset.MinValue;
    private DateTimeOffset latestReadingArrivedAt;
    private double latestQueue = double.NaN;
    private SustainedTransition queueTransition;
    private SustainedTransition stuckTransition;

    protected override DeviceKind Kind => DeviceKind.ServiceCounter;

    public async Task ReportOfficerPresence(bool isPresent, DateTimeOffset at)
    {
        var current = State.OfficerPresence;
        var changed = (current is null || at >= current.Since) && current?.IsPresent != isPresent;
        if (changed)
        {
            State.OfficerPresence = new OfficerPresence(isPresent, at);
        }

        await RecordDeviceMessageAsync(TimeProvider.GetUtcNow(), persist: changed);
        if (changed)
        {
            PublishChange(DeviceTwinChangeKind.Event, eventType: isPresent ? "officer-present" : "officer-absent");
        }

        if (warnings.Enabled)
        {
            NoteReadingTime(at);
            await JudgeAbsenceAsync(latestReadingAt);
        }
    }

    public Task<OfficerPresence?> GetOfficerPresence() => Task.FromResult(State.OfficerPresence);

    protected override void OnTelemetryRecorded(string metric, double value, DateTimeOffset timestamp)
    {
        if (!warnings.Enabled)
        {
            return;
        }

        NoteReadingTime(timestamp);
        if (metric == QueueLengthMetric)
        {
            latestQueue = value;
            var options = warnings.ServiceCounter;
            var sensor = State.QueueSensor ??= new FrozenReading();
            var stuck = sensor.Update(value, timestamp, options.QueueStuckAfter, options.QueueStuckReadings);
            if (stuck != SustainedTransition.None)
            {
                stuckTransition = stuck;
            }

            State.QueueOverload ??= new SustainedCondition();
            var overloaded = !sensor.IsStuck && QueueOverload.Holds(value, options);
            var transition = State.QueueOverload.Update(overloaded, timestamp, options.QueueOverloadAfter, options.QueueOverloadClearAfter);
            if (transition != SustainedTransition.None)
            {
                queueTransition = transition;
            }
        }
    }

    protected override async Task OnTelemetryBatchRecordedAsync()
    {
        if (!warnings.Enabled)
        {
            return;
        }

        var stuck = stuckTransition;
        stuckTransition = SustainedTransition.None;
        if (stuck == SustainedTransition.Began && State.QueueSensor is { IsStuck: true } sensor)
        {
            await RaiseWarning(WarningTypes.SensorFault, new WarningDetails(
                FrozenQueueMessage.Of(sensor, "người"),
                new Dictionary<string, double>(1, StringComparer.Ordinal) { [QueueLengthMetric] = sensor.Value },
                sensor.Since));
        }
        else if (stuck == SustainedTransition.Ended)
        {
            await ClearWarning(WarningTypes.SensorFault);
        }

        var transition = queueTransition;
        queueTransition = SustainedTransition.None;
        if (transition == SustainedTransition.Began && State.QueueOverload is { IsActive: true, HeldSince: { } since })
        {
            await RaiseWarning(WarningTypes.QueueOverload, new WarningDetails(
                QueueOverload.Message(latestQueue, since, warnings.ServiceCounter),
                new Dictionary<string, double>(1, StringComparer.Ordinal) { [QueueLengthMetric] = latestQueue },
                since));
        }
        else if (transition == SustainedTransition.Ended)
        {
            await ClearWarning(WarningTypes.QueueOverload);
        }

        await JudgeAbsenceAsync(latestReadingAt);
    }

    private void NoteReadingTime(DateTimeOffset at)
    {
        if (at > latestReadingAt)
        {
            latestReadingAt = at;
            latestReadingArrivedAt = TimeProvider.GetUtcNow();
        }
    }

    /// <summary>Raises <c>officer-absent</c> once the absence has reached its limit by <paramref name="now"/> (the counter's clock), clears it when the officer is back.</summary>
    private async Task JudgeAbsenceAsync(DateTimeOffset now)
    {
        var presence = State.OfficerPresence;
        if (presence is null || presence.IsPresent)
        {
            StopAbsenceTimer();
            if (State.OfficerAbsenceWarnedFor is not null)
            {
                State.OfficerAbsenceWarnedFor = null;
                await ClearWarning(WarningTypes.OfficerAbsent);
            }

            return;
        }

        if (State.OfficerAbsenceWarnedFor == presence.Since)
        {
            return;
        }

        var limit = warnings.ServiceCounter.OfficerAbsentAfter;
        var reachedAt = OfficerAbsence.LimitReachedAt(presence.Since, limit);
        if (now < reachedAt)
        {
            WakeAt(reachedAt - now);
            return;
        }

        StopAbsenceTimer();
        State.OfficerAbsenceWarnedFor = presence.Since;
        var evidence = new Dictionary<string, double>(2, StringComparer.Ordinal) { ["absent_minutes"] = Math.Round((now - presence.Since).TotalMinutes, 1) };
        if (!double.IsNaN(latestQueue))
        {
            evidence[QueueLengthMetric] = latestQueue;
        }
        else if (LatestQueue() is { } queue)
        {
            evidence[QueueLengthMetric] = queue;
        }

        await RaiseWarning(WarningTypes.OfficerAbsent, new WarningDetails(OfficerAbsence.Message(presence.Since, limit), evidence, reachedAt));
    }

    private double? LatestQueue()
    {
        foreach (var series in State.Metrics)
        {
            if (series.Name == QueueLengthMetric && series.HasLatest)
            {
                return series.LatestValue;
            }
        }

        return null;
    }

    private void WakeAt(TimeSpan after)
    {
        // Silence fallback only: readings every minute normally get there first, by the counter's own clock.
        var due = after < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : after > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : after;
        if (absenceTimer is null)
        {
            absenceTimer = RegisterGrainTimer(_ => JudgeAbsenceAsync(EstimatedDeviceNow()), due, Timeout.InfiniteTimeSpan);
        }
        else
        {
            absenceTimer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private void StopAbsenceTimer()
    {
        absenceTimer?.Dispose();
        absenceTimer = null;
    }

    private DateTimeOffset EstimatedDeviceNow() =>
        latestReadingAt == DateTimeOffset.MinValue ? TimeProvider.GetUtcNow() : latestReadingAt + (TimeProvider.GetUtcNow() - latestReadingArrivedAt);
}
