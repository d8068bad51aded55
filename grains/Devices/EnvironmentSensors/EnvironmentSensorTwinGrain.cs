using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Grains.AirQuality;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Hosting;
using SmartCity.Twin.Grains.Observation;
using SmartCity.Twin.Grains.Rollups;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Grains.Devices.EnvironmentSensors;

[GrainType("environment-sensor")]
internal sealed class EnvironmentSensorTwinGrain(
    [PersistentState("twin")] IPersistentState<EnvironmentSensorTwinState> state,
    ProvinceMap provinceMap,
    TwinChangeFeed changes,
    IOptions<TwinOptions> options,
    ILogger<EnvironmentSensorTwinGrain> logger)
    : DeviceTwinGrain<EnvironmentSensorTwinState>(state, provinceMap, changes, options, logger), IEnvironmentSensorTwin
{
    private AirQualityIndex? airQuality;
    private bool pollutantsChanged;

    protected override DeviceKind Kind => DeviceKind.EnvironmentSensor;

    protected override AirQualityContribution? AirQualityContribution =>
        airQuality is { } aqi ? new AirQualityContribution(aqi.Value, aqi.Band, aqi.DominantPollutant, aqi.Hour) : null;

    public Task<AirQualityIndex?> GetAirQuality() => Task.FromResult(airQuality);

    protected override void OnStateLoaded()
    {
        State.Pollutants = (State.Pollutants ?? []).Where(p => p.IsConsistent).ToArray();
        RecomputeAirQuality();
    }

    protected override void OnTelemetryRecorded(string metric, double value, DateTimeOffset timestamp)
    {
        if (!PollutantMetrics.TryGetPollutant(metric, out var pollutant))
        {
            return;
        }

        var averages = Array.Find(State.Pollutants, p => p.Pollutant == pollutant);
        if (averages is null)
        {
            averages = new HourlyAverages { Pollutant = pollutant };
            State.Pollutants = [.. State.Pollutants, averages];
        }

        if (averages.Add(timestamp, value))
        {
            State.LatestHour = Math.Max(State.LatestHour, HourlyAverages.HourOf(timestamp));
            pollutantsChanged = true;
        }
    }

    protected override Task OnTelemetryBatchRecordedAsync()
    {
        if (pollutantsChanged)
        {
            pollutantsChanged = false;
            RecomputeAirQuality();
        }

        return Task.CompletedTask;
    }

    private void RecomputeAirQuality()
    {
        if (State.Pollutants.Length == 0)
        {
            airQuality = null;
            return;
        }

        var hourly = State.Pollutants.ToDictionary(p => p.Pollutant, p => p.MostRecentFirst(State.LatestHour));
        airQuality = VnAqi.Hourly(DateTimeOffset.FromUnixTimeSeconds(State.LatestHour * 3600L), hourly);
    }
}
