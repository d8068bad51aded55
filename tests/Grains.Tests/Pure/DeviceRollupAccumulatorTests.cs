using SmartCity.Twin.Grains.AirQuality;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Rollups;

namespace SmartCity.Twin.Grains.Tests.Pure;

public sealed class DeviceRollupAccumulatorTests
{
    private static readonly DateTimeOffset Hour = new(2026, 1, 5, 1, 0, 0, TimeSpan.Zero);

    private readonly DeviceRollupAccumulator accumulator = new("vu-thu", new Dictionary<string, DeviceContribution>(StringComparer.Ordinal));

    [Fact]
    public void A_duplicate_or_older_contribution_does_not_count_twice()
    {
        var online = Camera("cam-1", 2, DeviceLiveness.Online);

        Assert.True(accumulator.Apply(online));
        Assert.False(accumulator.Apply(online));
        Assert.False(accumulator.Apply(Camera("cam-1", 1, DeviceLiveness.Offline)));

        var rollup = accumulator.ToRollup(null);
        Assert.Equal(new LivenessCounts(1, 0, 0), rollup.DevicesByKind[DeviceKind.Camera]);
        Assert.Equal(1, rollup.Devices.Total);
    }

    [Fact]
    public void A_newer_contribution_replaces_the_device_previous_one()
    {
        accumulator.Apply(Camera("cam-1", 1, DeviceLiveness.Online, WarningTypes.Intrusion));
        accumulator.Apply(Camera("cam-1", 2, DeviceLiveness.Offline, WarningTypes.Tamper));

        var rollup = accumulator.ToRollup(null);
        Assert.Equal(new LivenessCounts(0, 1, 0), rollup.Devices);
        Assert.Equal(new Dictionary<string, int> { [WarningTypes.Tamper] = 1 }, rollup.ActiveWarningsByType);
        Assert.Equal(1, rollup.DevicesWithWarnings);
    }

    [Fact]
    public void A_withdrawn_device_no_longer_counts_and_a_stale_registration_cannot_bring_it_back()
    {
        accumulator.Apply(Camera("cam-1", 1, DeviceLiveness.Online, WarningTypes.Intrusion));
        accumulator.Apply(Camera("cam-1", 3, DeviceLiveness.Online, WarningTypes.Intrusion) with { IsRegistered = false });
        accumulator.Apply(Camera("cam-1", 2, DeviceLiveness.Online));

        var rollup = accumulator.ToRollup(null);
        Assert.Equal(0, rollup.Devices.Total);
        Assert.Empty(rollup.ActiveWarningsByType);
    }

    [Fact]
    public void The_worst_air_quality_moves_to_the_next_worst_sensor_when_the_worst_one_improves()
    {
        accumulator.Apply(Sensor("env-a", 1, 180));
        accumulator.Apply(Sensor("env-b", 1, 120));
        accumulator.Apply(Sensor("env-c", 1, 90));
        Assert.Equal(("env-a", 180), Worst());

        accumulator.Apply(Sensor("env-a", 2, 60));
        Assert.Equal(("env-b", 120), Worst());

        accumulator.Apply(Sensor("env-b", 2, 130));
        Assert.Equal(("env-b", 130), Worst());

        accumulator.Apply(Sensor("env-b", 3, 130) with { IsRegistered = false });
        Assert.Equal(("env-c", 90), Worst());
    }

    [Fact]
    public void Sensors_with_the_same_index_resolve_to_the_id_that_sorts_first()
    {
        accumulator.Apply(Sensor("env-b", 1, 100));
        accumulator.Apply(Sensor("env-a", 1, 100));

        Assert.Equal(("env-a", 100), Worst());
    }

    [Fact]
    public void The_rollup_rebuilt_from_stored_contributions_equals_the_incremental_one()
    {
        var contributions = new Dictionary<string, DeviceContribution>(StringComparer.Ordinal);
        var live = new DeviceRollupAccumulator("vu-thu", contributions);
        live.Apply(Camera("cam-1", 1, DeviceLiveness.Online, WarningTypes.Intrusion));
        live.Apply(Camera("cam-2", 1, DeviceLiveness.Offline));
        live.Apply(Sensor("env-1", 1, 140));
        live.Apply(Camera("cam-2", 2, DeviceLiveness.Online) with { IsRegistered = false });

        var rebuilt = new DeviceRollupAccumulator("vu-thu", new Dictionary<string, DeviceContribution>(contributions, StringComparer.Ordinal));

        Assert.Equivalent(live.ToRollup(Hour), rebuilt.ToRollup(Hour), strict: true);
    }

    private (string, int)? Worst() =>
        accumulator.ToRollup(null).WorstAirQuality is { } worst ? (worst.DeviceId, worst.Index) : null;

    private static DeviceContribution Camera(string id, long version, DeviceLiveness liveness, params string[] warnings) =>
        new(id, DeviceKind.Camera, version, IsRegistered: true, liveness, warnings, AirQuality: null);

    private static DeviceContribution Sensor(string id, long version, int aqi) =>
        new(id, DeviceKind.EnvironmentSensor, version, IsRegistered: true, DeviceLiveness.Online, [],
            new AirQualityContribution(aqi, AirQualityBandInfo.BandOf(aqi), AirPollutant.Pm25, Hour));
}
