using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Districts;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Hosting;
using SmartCity.Twin.Grains.Observation;
using SmartCity.Twin.Grains.Rollups;
using SmartCity.Twin.Grains.Telemetry;
using SmartCity.Twin.Grains.Warnings;
using SmartCity.Twin.Grains.Warnings.Liveness;
using SmartCity.Twin.Runtime;
using SmartCity.Twin.Grains.Persistence;
using SmartCity.Twin.Runtime.Timers;

namespace SmartCity.Twin.Grains.Devices;

/// <summary>
/// The behaviour shared by every device twin: provisioning and district assignment, telemetry with bounded history,
/// properties, liveness, warnings, persistence and roll-up notifications. Per-kind grains add their own state and
/// methods through the hooks below.
/// </summary>
/// <remarks>
/// Persistence: written at once on provisioning and on significant changes (liveness, reported or desired
/// properties, warnings); telemetry only marks the state dirty, and a grain timer writes dirty state every
/// <see cref="TwinOptions.PersistInterval"/>, as does deactivation.
/// Roll-ups: whenever the device's contribution (district, liveness, warnings, air quality) differs from the one last
/// sent, the whole new contribution goes one-way to the district twin, which never calls back.
/// Offline (when <see cref="WarningOptions.Enabled"/>): liveness turning Offline raises <c>offline</c>, dated at the exact
/// time it turned, once it has lasted <see cref="LivenessWarningOptions.OfflineAlertAfter"/>; Online clears it. A device
/// silent for <see cref="LivenessWarningOptions.OfflineAfterSilence"/> turns
/// Offline at its last message plus that time, found by one grain timer per activation that is re-armed only when it
/// fires (messages just move <see cref="DeviceTwinState.LastSeen"/>), so a message costs no timer work.
/// </remarks>
internal abstract class DeviceTwinGrain<TState> : Grain, IDeviceTwin
    where TState : DeviceTwinState, new()
{
    /// <summary>Protects memory against a gateway that invents metric names.</summary>
    internal const int MaxMetrics = 64;

    private const int MaxPropertyValueLength = 4096;

    private static readonly WarningDetails NoDetails = new();

    /// <summary>
    /// A twin woken long after its device's last message waits this long before raising <c>offline</c>: after a silo
    /// outage the devices reconnect at once, and their twins must not raise an outage that was the silo's.
    /// </summary>
    private static readonly TimeSpan OfflineRaiseGrace = TimeSpan.FromMinutes(1);

    /// <summary>Keeps a silent twin active past its silence deadline, so idle collection cannot take it before the check.</summary>
    private static readonly TimeSpan SilenceCheckMargin = TimeSpan.FromMinutes(2);

    private readonly WriteBehindState<TState> persistentState;
    private readonly IPersistentState<TState> storedState;
    private readonly ProvinceMap provinceMap;
    private readonly TwinChangeFeed changes;
    private IGrainTimer? silenceTimer;
    private bool silenceArmed;
    private TimeSpan? offlineAfterSilence;

    protected DeviceTwinGrain(IPersistentState<TState> persistentState, ProvinceMap provinceMap, TwinChangeFeed changes, IOptions<TwinOptions> options, ILogger logger)
    {
        storedState = persistentState;
        this.persistentState = new WriteBehindState<TState>(persistentState, ex => DeviceTwinLog.PersistFailed(logger, ex, Kind, DeviceId));
        this.provinceMap = provinceMap;
        this.changes = changes;
        Options = options.Value;
        Logger = logger;

        // Resolved here rather than injected so that every kind's constructor stays as it is.
        Warnings = (ServiceProvider.GetService(typeof(IOptions<WarningOptions>)) as IOptions<WarningOptions>)?.Value ?? new WarningOptions();
    }

    protected abstract DeviceKind Kind { get; }

    protected TState State => persistentState.State;

    protected TwinOptions Options { get; }

    /// <summary>The detectors' settings; nothing is detected when <see cref="WarningOptions.Enabled"/> is false.</summary>
    protected WarningOptions Warnings { get; }

    protected ILogger Logger { get; }

    protected string DeviceId => GetPrimaryKeyString();

    /// <summary>What this twin adds to the air-quality roll-up; only environment sensors have something.</summary>
    protected virtual AirQualityContribution? AirQualityContribution => null;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var state = State;
        state.Metrics ??= [];
        foreach (var series in state.Metrics)
        {
            series.Normalize(Options.HistoryCapacity);
        }

        state.ActiveWarnings = (state.ActiveWarnings ?? []).Select(MetricNames.Intern).ToArray();
        OnStateLoaded();
        persistentState.Start(GrainContext, Options.PersistInterval);
        if (Warnings.Enabled)
        {
            CheckSilenceOnActivation();
        }

        if (state.ProvisionedAt is not null || state.LastSeen is not null)
        {
            PublishChange(DeviceTwinChangeKind.Loaded);
        }

        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => persistentState.StopAsync();

    public async Task<DeviceTwinSnapshot> Provision(DeviceProvisioning provisioning)
    {
        ArgumentNullException.ThrowIfNull(provisioning);
        ArgumentException.ThrowIfNullOrWhiteSpace(provisioning.Name, nameof(provisioning));
        if (!provisioning.Location.IsValid)
        {
            throw new ArgumentException($"Location {provisioning.Location} is not a valid WGS 84 position.", nameof(provisioning));
        }

        var district = provinceMap.LocateDistrict(provisioning.Location);
        var state = State;
        state.Name = provisioning.Name.Trim();
        state.Longitude = provisioning.Location.Longitude;
        state.Latitude = provisioning.Location.Latitude;
        state.DistrictId = district?.Id;
        state.ProvisionedAt ??= TimeProvider.GetUtcNow();
        state.Attributes = provisioning.Attributes is { Count: > 0 } attributes
            ? new Dictionary<string, string>(attributes, StringComparer.Ordinal)
            : null;
        offlineAfterSilence = null;

        if (district is null)
        {
            DeviceTwinLog.OutsideProvince(Logger, Kind, DeviceId, provisioning.Location.Longitude, provisioning.Location.Latitude);
        }
        else
        {
            DeviceTwinLog.Provisioned(Logger, Kind, DeviceId, district.Id);
        }

        await PublishContributionIfChangedAsync();
        await PersistAsync();
        PublishChange(DeviceTwinChangeKind.Provisioned);
        return CreateSnapshot();
    }

    public async Task ReportTelemetry(TelemetryBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var now = TimeProvider.GetUtcNow();
        var latestAllowed = now + Options.MaxClockSkew;
        var dropped = 0;
        List<TelemetryPoint>? accepted = changes.HasObservers ? new List<TelemetryPoint>(batch.Points.Count) : null;
        foreach (var point in batch.Points)
        {
            if (!MetricNames.IsValid(point.Metric) || !double.IsFinite(point.Value) || point.Timestamp > latestAllowed
                || !MetricSeries.IsInHistoryRange(point.Timestamp) || GetOrAddSeries(point.Metric) is not { } series)
            {
                dropped++;
                continue;
            }

            series.Record(point.Timestamp, point.Value, Options.HistoryCapacity);
            OnTelemetryRecorded(series.Name, point.Value, point.Timestamp);
            accepted?.Add(point with { Metric = series.Name });
        }

        if (dropped > 0)
        {
            DeviceTwinLog.PointsDropped(Logger, Kind, DeviceId, dropped);
        }

        persistentState.MarkDirty();
        await OnTelemetryBatchRecordedAsync();
        await RecordDeviceMessageAsync(batch.ReceivedAt is { } receivedAt && receivedAt < now ? receivedAt : now);
        if (accepted is { Count: > 0 })
        {
            PublishChange(DeviceTwinChangeKind.Telemetry, accepted);
        }
    }

    public async Task ReportProperties(IReadOnlyDictionary<string, string?> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var state = State;
        var reported = state.Reported;
        var changed = Merge(ref reported, properties);
        if (changed)
        {
            state.Reported = reported;
            state.ReportedAt = TimeProvider.GetUtcNow();
        }

        await RecordDeviceMessageAsync(TimeProvider.GetUtcNow(), persist: changed);
        if (changed)
        {
            PublishChange(DeviceTwinChangeKind.Properties);
        }
    }

    public async Task<DesiredProperties> SetDesired(IReadOnlyDictionary<string, string?> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var state = State;
        var desired = state.Desired;
        if (Merge(ref desired, properties))
        {
            state.Desired = desired;
            state.DesiredVersion++;
            state.DesiredUpdatedAt = TimeProvider.GetUtcNow();
            await PersistAsync();
            PublishChange(DeviceTwinChangeKind.Properties);
        }

        return CreateDesired();
    }

    public async Task ReportStatus(DeviceStatus status, DateTimeOffset at)
    {
        var state = State;
        var stale = state.LivenessChangedAt > at || (status == DeviceStatus.Offline && state.LastSeen > at);
        if (status == DeviceStatus.Online && (state.LastSeen is null || state.LastSeen < at))
        {
            state.LastSeen = at;
            persistentState.MarkDirty();
        }

        var liveness = status == DeviceStatus.Online ? DeviceLiveness.Online : DeviceLiveness.Offline;
        if (stale)
        {
            DeviceTwinLog.StaleStatusIgnored(Logger, Kind, DeviceId, status, at);
        }
        else if (state.Liveness != liveness)
        {
            SetLiveness(liveness, at);
            if (Warnings.Enabled)
            {
                if (liveness == DeviceLiveness.Offline)
                {
                    var wait = at + Warnings.Liveness.OfflineAlertAfter - TimeProvider.GetUtcNow();
                    if (wait > TimeSpan.Zero)
                    {
                        // The silence timer raises it then, dated at the change, unless the device is back by then.
                        DelayDeactivation(wait + SilenceCheckMargin);
                        ArmSilenceTimer(wait);
                    }
                    else
                    {
                        await RaiseWarning(WarningTypes.Offline, DescribeOffline(at, silence: null));
                    }
                }
                else
                {
                    await ClearWarningIfActiveAsync(WarningTypes.Offline);
                    WatchSilence();
                }
            }
        }

        await PublishContributionIfChangedAsync();
        await PersistIfDirtyAsync();
    }

    public Task RaiseWarning(string warningType) => RaiseWarning(warningType, NoDetails);

    public async Task RaiseWarning(string warningType, WarningDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var type = ValidateWarningType(warningType);
        if (details.Message is { Length: > AlertLimits.MaxTextLength })
        {
            throw new ArgumentException($"A warning message is at most {AlertLimits.MaxTextLength} characters.", nameof(details));
        }

        await RaiseAlertAsync(type, details);
        var warnings = State.ActiveWarnings;
        var index = Array.BinarySearch(warnings, type, StringComparer.Ordinal);
        if (index >= 0)
        {
            await PersistIfDirtyAsync();
            return;
        }

        var updated = new string[warnings.Length + 1];
        index = ~index;
        Array.Copy(warnings, 0, updated, 0, index);
        updated[index] = type;
        Array.Copy(warnings, index, updated, index + 1, warnings.Length - index);
        State.ActiveWarnings = updated;
        persistentState.MarkDirty();
        await PublishContributionIfChangedAsync();
        await PersistAsync();
        PublishChange(DeviceTwinChangeKind.Warnings);
    }

    /// <summary>Whether a warning of <paramref name="warningType"/> (an interned <see cref="WarningTypes"/> constant or any name) is active.</summary>
    protected bool HasWarning(string warningType) => Array.BinarySearch(State.ActiveWarnings, warningType, StringComparer.Ordinal) >= 0;

    /// <summary>Clears a warning only if it is active: the common case of a detector's "condition ended" costs no call.</summary>
    protected Task ClearWarningIfActiveAsync(string warningType) => HasWarning(warningType) ? ClearWarning(warningType) : Task.CompletedTask;

    public async Task ClearWarning(string warningType)
    {
        var type = ValidateWarningType(warningType);
        var warnings = State.ActiveWarnings;
        var index = Array.BinarySearch(warnings, type, StringComparer.Ordinal);
        if (index < 0)
        {
            return;
        }

        State.ActiveWarnings = warnings.Where((_, i) => i != index).ToArray();
        persistentState.MarkDirty();
        await PublishContributionIfChangedAsync();
        await PersistAsync();
        PublishChange(DeviceTwinChangeKind.Warnings);
        if (State.OpenAlerts?.GetValueOrDefault(type) is { } alertId)
        {
            await GrainFactory.GetGrain<IAlert>(alertId).Clear(TimeProvider.GetUtcNow());
        }
    }

    public async Task Remove()
    {
        var state = State;
        if (state.LastContribution is { IsRegistered: true } last && state.RollupDistrictId is { } district)
        {
            var withdrawal = last with { Version = RollupVersion.Next(last.Version, TimeProvider.GetUtcNow()), IsRegistered = false };
            await GrainFactory.GetGrain<IDistrictTwin>(district).UpdateDevice(withdrawal);
        }

        var removed = CreateSummary();
        await persistentState.StopAsync();
        await storedState.ClearStateAsync();
        DeviceTwinLog.Removed(Logger, Kind, DeviceId);
        changes.Publish(new DeviceTwinChange(removed, DeviceTwinChangeKind.Removed, [], null, TimeProvider.GetUtcNow()));
        DeactivateOnIdle();
    }

    public Task<DeviceTwinSnapshot> GetSnapshot() => Task.FromResult(CreateSnapshot());

    public Task<MetricHistory> GetHistory(string metric)
    {
        var series = FindSeries(metric);
        return Task.FromResult(series?.ToHistory(Options.HistoryCapacity) ?? new MetricHistory(metric, Options.HistoryCapacity, []));
    }

    /// <summary>Called once the state is read and normalised, before the first call.</summary>
    protected virtual void OnStateLoaded()
    {
    }

    /// <summary>Called for every accepted telemetry point, after it was recorded.</summary>
    protected virtual void OnTelemetryRecorded(string metric, double value, DateTimeOffset timestamp)
    {
    }

    /// <summary>Called after a telemetry batch was recorded, before roll-ups are updated: where detectors raise or clear warnings.</summary>
    protected virtual Task OnTelemetryBatchRecordedAsync() => Task.CompletedTask;

    /// <summary>
    /// The <c>offline</c> warning for a device offline since <paramref name="since"/>: after <paramref name="silence"/>
    /// without a message, or (<c>null</c>) by a connectivity report. Kinds add what makes it worse (a camera going dark
    /// during an intrusion).
    /// </summary>
    protected virtual WarningDetails DescribeOffline(DateTimeOffset since, TimeSpan? silence) =>
        OfflineMessage.Describe(since, silence, State.LastSeen);

    /// <summary>Tells the observers (directory, history, live feeds) about a change; cheap when nobody observes.</summary>
    protected void PublishChange(DeviceTwinChangeKind what, IReadOnlyList<TelemetryPoint>? points = null, string? eventType = null)
    {
        if (changes.HasObservers)
        {
            changes.Publish(new DeviceTwinChange(CreateSummary(), what, points ?? [], eventType, TimeProvider.GetUtcNow()));
        }
    }

    /// <summary>For kind-specific state changes: saved by the next periodic save.</summary>
    protected void MarkDirty() => persistentState.MarkDirty();

    /// <summary>
    /// The device said something (an event, a report) received at <paramref name="receivedAt"/>: it was seen then, and
    /// is online unless liveness changed later than that. Sends the roll-up contribution if it changed, and saves at
    /// once if liveness changed or <paramref name="persist"/> (a significant change).
    /// </summary>
    protected async Task RecordDeviceMessageAsync(DateTimeOffset receivedAt, bool persist = false)
    {
        var state = State;
        if (state.LastSeen is null || state.LastSeen < receivedAt)
        {
            state.LastSeen = receivedAt;
        }

        persistentState.MarkDirty();
        var becameOnline = state.Liveness != DeviceLiveness.Online && !(state.LivenessChangedAt > receivedAt);
        if (becameOnline)
        {
            SetLiveness(DeviceLiveness.Online, receivedAt);
        }

        if (Warnings.Enabled)
        {
            DelayDeactivation(OfflineAfterSilence + SilenceCheckMargin);
            if (becameOnline)
            {
                await ClearWarningIfActiveAsync(WarningTypes.Offline);
            }

            WatchSilence();
        }

        await PublishContributionIfChangedAsync();
        if (becameOnline || persist)
        {
            await PersistAsync();
        }
    }

    protected Task PersistAsync() => persistentState.WriteAsync();

    private Task PersistIfDirtyAsync() => persistentState.WriteIfDirtyAsync();

    /// <summary>How long this device may say nothing before it is offline: the configured time, or longer for a device provisioned with a slow report interval.</summary>
    private TimeSpan OfflineAfterSilence => offlineAfterSilence ??= SilenceLimit.For(Warnings.Liveness, State.Attributes);

    /// <summary>
    /// Arms the silence timer if it is not armed. It is set for the deadline as of now and, when it fires, re-arms
    /// itself for the newer deadline if messages came in the meantime: no timer work per message.
    /// </summary>
    private void WatchSilence()
    {
        if (State.Liveness != DeviceLiveness.Online || State.LastSeen is not { } lastSeen || silenceArmed)
        {
            return;
        }

        ArmSilenceTimer(lastSeen + OfflineAfterSilence - TimeProvider.GetUtcNow());
    }

    private void ArmSilenceTimer(TimeSpan due)
    {
        silenceTimer ??= RegisterGrainTimer(_ => OnSilenceTimerAsync(), Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        silenceTimer.Change(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        silenceArmed = true;
    }

    /// <summary>
    /// On activation: a device whose silence deadline passed while its twin was not active turned offline at that
    /// deadline; the warning waits <see cref="OfflineRaiseGrace"/> for a message that proves the silence was the silo's.
    /// </summary>
    private void CheckSilenceOnActivation()
    {
        var state = State;
        if (state.Liveness == DeviceLiveness.Online && state.LastSeen is { } lastSeen)
        {
            var deadline = lastSeen + OfflineAfterSilence;
            var now = TimeProvider.GetUtcNow();
            if (deadline > now)
            {
                ArmSilenceTimer(deadline - now);
                return;
            }

            SetLiveness(DeviceLiveness.Offline, deadline);
            DelayDeactivation(OfflineRaiseGrace + SilenceCheckMargin);
            ArmSilenceTimer(OfflineRaiseGrace);
        }
        else if (state.Liveness == DeviceLiveness.Offline && !HasWarning(WarningTypes.Offline))
        {
            // Offline from before warnings were raised (or they were switched off): catch up the same way.
            DelayDeactivation(OfflineRaiseGrace + SilenceCheckMargin);
            ArmSilenceTimer(OfflineRaiseGrace);
        }
    }

    private async Task OnSilenceTimerAsync()
    {
        silenceArmed = false;
        var state = State;
        TimeSpan? silence = null;
        if (state.Liveness == DeviceLiveness.Online && state.LastSeen is { } lastSeen)
        {
            silence = OfflineAfterSilence;
            var deadline = lastSeen + silence.Value;
            var now = TimeProvider.GetUtcNow();
            if (deadline > now)
            {
                ArmSilenceTimer(deadline - now);
                return;
            }

            DeviceTwinLog.SilentTooLong(Logger, Kind, DeviceId, lastSeen, deadline);
            SetLiveness(DeviceLiveness.Offline, deadline);
        }

        if (state.Liveness == DeviceLiveness.Offline && !HasWarning(WarningTypes.Offline) && state.LivenessChangedAt is { } since)
        {
            await RaiseWarning(WarningTypes.Offline, DescribeOffline(since, silence ?? SilenceOf(since)));
        }

        await PublishContributionIfChangedAsync();
        await PersistIfDirtyAsync();
    }

    /// <summary>The silence that made the device offline at <paramref name="since"/>, when that is what happened (offline exactly at the silence deadline).</summary>
    private TimeSpan? SilenceOf(DateTimeOffset since) =>
        State.LastSeen is { } lastSeen && lastSeen + OfflineAfterSilence == since ? OfflineAfterSilence : null;

    private void SetLiveness(DeviceLiveness liveness, DateTimeOffset at)
    {
        State.Liveness = liveness;
        State.LivenessChangedAt = at;
        persistentState.MarkDirty();
        DeviceTwinLog.LivenessChanged(Logger, Kind, DeviceId, liveness, at);
        PublishChange(DeviceTwinChangeKind.Liveness);
    }

    private async Task PublishContributionIfChangedAsync()
    {
        var state = State;
        var districtId = state.ProvisionedAt is null ? null : state.DistrictId;
        var last = state.LastContribution;
        var now = TimeProvider.GetUtcNow();

        if (last is { IsRegistered: true } && state.RollupDistrictId is { } previousDistrict && previousDistrict != districtId)
        {
            var withdrawal = last with { Version = RollupVersion.Next(last.Version, now), IsRegistered = false };
            state.LastContribution = last = withdrawal;
            persistentState.MarkDirty();
            await GrainFactory.GetGrain<IDistrictTwin>(previousDistrict).UpdateDevice(withdrawal);
        }

        if (districtId is null)
        {
            return;
        }

        var airQuality = AirQualityContribution;
        if (last is { IsRegistered: true } && state.RollupDistrictId == districtId && last.Liveness == state.Liveness
            && last.ActiveWarnings.SequenceEqual(state.ActiveWarnings, StringComparer.Ordinal) && Equals(last.AirQuality, airQuality))
        {
            return;
        }

        var contribution = new DeviceContribution(
            DeviceId, Kind, RollupVersion.Next(last?.Version ?? 0, now), IsRegistered: true, state.Liveness, state.ActiveWarnings, airQuality);
        state.LastContribution = contribution;
        state.RollupDistrictId = districtId;
        persistentState.MarkDirty();
        await GrainFactory.GetGrain<IDistrictTwin>(districtId).UpdateDevice(contribution);
    }

    /// <summary>
    /// Repeats the type's open alert, or opens a new one when there is none or it was resolved. The alert saves itself;
    /// the twin only remembers the id (saved by the caller).
    /// </summary>
    private async Task RaiseAlertAsync(string type, WarningDetails details)
    {
        var now = TimeProvider.GetUtcNow();
        var raise = CreateAlertRaise(type, details, now);
        if (State.OpenAlerts?.GetValueOrDefault(type) is { } openId
            && (await GrainFactory.GetGrain<IAlert>(openId).Raise(raise)).Status != AlertStatus.Resolved)
        {
            return;
        }

        // A resolved alert answers with itself: an id already taken (a raise, resolve and raise within one second) moves on to the next suffix.
        for (var attempt = 1; ; attempt++)
        {
            var id = AlertIds.Create(DeviceId, type, now, attempt);
            if ((await GrainFactory.GetGrain<IAlert>(id).Raise(raise)).Status != AlertStatus.Resolved)
            {
                State.OpenAlerts = new Dictionary<string, string>(State.OpenAlerts ?? [], StringComparer.Ordinal) { [type] = id };
                persistentState.MarkDirty();
                return;
            }
        }
    }

    private AlertRaise CreateAlertRaise(string type, WarningDetails details, DateTimeOffset at)
    {
        var state = State;
        var provisioned = state.ProvisionedAt is not null;
        var evidence = details.Evidence;
        if (evidence is null)
        {
            evidence = MetricSeries.LatestReadings(state.Metrics).ToDictionary(r => r.Metric, r => r.Value, StringComparer.Ordinal);
        }

        return new AlertRaise(
            type,
            DeviceId,
            Kind,
            provisioned ? state.DistrictId : null,
            provisioned ? new GeoPoint(state.Longitude, state.Latitude) : null,
            details.Message,
            evidence,
            details.At ?? at,
            details.Severity);
    }

    private MetricSeries? FindSeries(string metric)
    {
        foreach (var series in State.Metrics)
        {
            if (ReferenceEquals(series.Name, metric) || string.Equals(series.Name, metric, StringComparison.Ordinal))
            {
                return series;
            }
        }

        return null;
    }

    private MetricSeries? GetOrAddSeries(string metric)
    {
        if (FindSeries(metric) is { } existing)
        {
            return existing;
        }

        var metrics = State.Metrics;
        if (metrics.Length >= MaxMetrics)
        {
            return null;
        }

        var series = new MetricSeries { Name = MetricNames.Intern(metric) };
        var updated = new MetricSeries[metrics.Length + 1];
        metrics.CopyTo(updated, 0);
        updated[^1] = series;
        State.Metrics = updated;
        return series;
    }

    private static bool Merge(ref Dictionary<string, string>? target, IReadOnlyDictionary<string, string?> changes)
    {
        var changed = false;
        foreach (var (key, value) in changes)
        {
            if (!MetricNames.IsValid(key))
            {
                throw new ArgumentException($"Property name '{key}' must be 1–{MetricNames.MaxLength} characters without whitespace.", nameof(changes));
            }

            if (value is null)
            {
                changed |= target?.Remove(key) == true;
                continue;
            }

            if (value.Length > MaxPropertyValueLength)
            {
                throw new ArgumentException($"Property '{key}' is longer than {MaxPropertyValueLength} characters.", nameof(changes));
            }

            target ??= new Dictionary<string, string>(StringComparer.Ordinal);
            if (!target.TryGetValue(key, out var current) || current != value)
            {
                target[MetricNames.Intern(key)] = value;
                changed = true;
            }
        }

        if (target is { Count: 0 })
        {
            target = null;
        }

        return changed;
    }

    private static string ValidateWarningType(string warningType)
    {
        if (!MetricNames.IsValid(warningType))
        {
            throw new ArgumentException($"Warning type '{warningType}' must be 1–{MetricNames.MaxLength} characters without whitespace.", nameof(warningType));
        }

        return MetricNames.Intern(warningType);
    }

    private DesiredProperties CreateDesired() =>
        new(State.DesiredVersion, Copy(State.Desired), State.DesiredUpdatedAt);

    private DeviceTwinSummary CreateSummary() => DeviceTwinCatalog.Summarize(DeviceId, Kind, State);

    private DeviceTwinSnapshot CreateSnapshot()
    {
        var state = State;
        var provisioned = state.ProvisionedAt is not null;
        return new DeviceTwinSnapshot
        {
            Id = DeviceId,
            Kind = Kind,
            IsProvisioned = provisioned,
            Name = state.Name,
            Location = provisioned ? new GeoPoint(state.Longitude, state.Latitude) : null,
            DistrictId = state.DistrictId,
            Attributes = Copy(state.Attributes),
            Liveness = state.Liveness,
            LastSeen = state.LastSeen,
            LivenessChangedAt = state.LivenessChangedAt,
            Reported = Copy(state.Reported),
            ReportedAt = state.ReportedAt,
            Desired = CreateDesired(),
            Metrics = MetricSeries.LatestReadings(state.Metrics),
            ActiveWarnings = state.ActiveWarnings,
            ProvisionedAt = state.ProvisionedAt,
        };
    }

    private static Dictionary<string, string> Copy(Dictionary<string, string>? source) =>
        source is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(source, StringComparer.Ordinal);
}
