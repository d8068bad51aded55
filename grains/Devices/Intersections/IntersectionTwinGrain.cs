using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Hosting;
using SmartCity.Twin.Grains.Observation;
using SmartCity.Twin.Grains.Telemetry;
using SmartCity.Twin.Grains.Warnings;
using SmartCity.Twin.Grains.Warnings.Sustained;
using SmartCity.Twin.Grains.Warnings.Traffic;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Grains.Devices.Intersections;

/// <remarks>
/// Detectors (<see cref="TrafficWarningOptions"/>): each batch with a queue or speed reading is judged once, with the
/// newest queue and speed, at its newest reading time; readings of a normal hour teach the baseline, congested ones
/// don't. A fault flag raises and clears <c>fault</c> on the transition.
/// </remarks>
[GrainType("intersection")]
internal sealed class IntersectionTwinGrain(
    [PersistentState("twin")] IPersistentState<IntersectionTwinState> state,
    ProvinceMap provinceMap,
    TwinChangeFeed changes,
    IOptions<TwinOptions> options,
    IOptions<WarningOptions> warningOptions,
    ILogger<IntersectionTwinGrain> logger)
    : DeviceTwinGrain<IntersectionTwinState>(state, provinceMap, changes, options, logger), IIntersectionTwin
{
    private const string QueueMetric = "queue_length";
    private const string SpeedMetric = "speed";

    private readonly WarningOptions warnings = warningOptions.Value;
    private double queue = double.NaN;
    private double speed = double.NaN;
    private DateTimeOffset trafficAt;
    private bool trafficChanged;
    private (bool IsFault, DateTimeOffset At)? faultReport;
    private SustainedTransition stuckTransition;

    protected override DeviceKind Kind => DeviceKind.Intersection;

    public async Task ReportSignalPhase(string phase, DateTimeOffset at)
    {
        if (!MetricNames.IsValid(phase))
        {
            throw new ArgumentException($"Signal phase '{phase}' must be 1–{MetricNames.MaxLength} characters without whitespace.", nameof(phase));
        }

        if (State.SignalPhase is null || at >= State.SignalPhase.Since)
        {
            // Phases change every few seconds: like telemetry, they are saved by the periodic save only.
            State.SignalPhase = new SignalPhase(MetricNames.Intern(phase), at);
            MarkDirty();
        }

        await RecordDeviceMessageAsync(TimeProvider.GetUtcNow());
    }

    public Task<SignalPhase?> GetSignalPhase() => Task.FromResult(State.SignalPhase);

    protected override void OnStateLoaded()
    {
        if (State.Baseline is { IsConsistent: false })
        {
            State.Baseline = null;
        }

        foreach (var series in State.Metrics)
        {
            if (series.HasLatest && series.Name == QueueMetric)
            {
                queue = series.LatestValue;
            }
            else if (series.HasLatest && series.Name == SpeedMetric)
            {
                speed = series.LatestValue;
            }
        }
    }

    protected override void OnTelemetryRecorded(string metric, double value, DateTimeOffset timestamp)
    {
        if (!warnings.Enabled)
        {
            return;
        }

        switch (metric)
        {
            case QueueMetric:
                queue = value;
                var sensor = State.QueueSensor ??= new FrozenReading();
                var stuck = sensor.Update(value, timestamp, warnings.Traffic.QueueStuckAfter, warnings.Traffic.QueueStuckReadings);
                if (stuck != SustainedTransition.None)
                {
                    stuckTransition = stuck;
                }

                break;
            case SpeedMetric:
                speed = value;
                break;
            case ControllerFault.Metric:
                faultReport = (ControllerFault.IsFault(value), timestamp);
                return;
            default:
                return;
        }

        if (!trafficChanged || timestamp > trafficAt)
        {
            trafficAt = timestamp;
        }

        trafficChanged = true;
    }

    protected override async Task OnTelemetryBatchRecordedAsync()
    {
        if (!warnings.Enabled)
        {
            return;
        }

        if (faultReport is { } report)
        {
            faultReport = null;
            await JudgeFaultAsync(report.IsFault, report.At);
        }

        var stuck = stuckTransition;
        stuckTransition = SustainedTransition.None;
        if (stuck == SustainedTransition.Began && State.QueueSensor is { IsStuck: true } sensor)
        {
            await RaiseWarning(WarningTypes.SensorFault, new WarningDetails(
                FrozenQueueMessage.Of(sensor, "xe"),
                new Dictionary<string, double>(1, StringComparer.Ordinal) { [QueueMetric] = sensor.Value },
                sensor.Since));
        }
        else if (stuck == SustainedTransition.Ended)
        {
            await ClearWarning(WarningTypes.SensorFault);
        }

        if (!trafficChanged || double.IsNaN(queue) || double.IsNaN(speed))
        {
            return;
        }

        trafficChanged = false;
        var options = warnings.Traffic;
        var baseline = State.Baseline ??= new TrafficBaseline();
        var congestion = State.Congestion ??= new SustainedCondition();
        var queueStuck = State.QueueSensor is { IsStuck: true };
        var holds = !queueStuck && Congestion.Holds(queue, speed, trafficAt, baseline, options);
        if (!holds && !congestion.IsActive && !queueStuck)
        {
            baseline.Learn(trafficAt, queue, speed, options.BaselineMemoryReadings);
        }

        switch (congestion.Update(holds, trafficAt, options.CongestionAfter, options.CongestionClearAfter))
        {
            case SustainedTransition.Began:
                var since = congestion.HeldSince ?? trafficAt;
                await RaiseWarning(WarningTypes.Congestion, new WarningDetails(
                    Congestion.Message(queue, speed, since, baseline, options),
                    new Dictionary<string, double>(2, StringComparer.Ordinal) { [QueueMetric] = queue, [SpeedMetric] = speed },
                    since));
                break;
            case SustainedTransition.Ended:
                await ClearWarning(WarningTypes.Congestion);
                break;
        }
    }

    private async Task JudgeFaultAsync(bool isFault, DateTimeOffset at)
    {
        if (State.ControllerFaultChangedAt > at || State.ControllerFault == isFault)
        {
            return;
        }

        State.ControllerFault = isFault;
        State.ControllerFaultChangedAt = at;
        if (isFault)
        {
            await RaiseWarning(WarningTypes.Fault, new WarningDetails(
                ControllerFault.Message,
                new Dictionary<string, double>(1, StringComparer.Ordinal) { [ControllerFault.Metric] = 1 },
                at));
        }
        else
        {
            await ClearWarning(WarningTypes.Fault);
        }
    }
}
