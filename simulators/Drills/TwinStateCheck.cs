using System.Globalization;
using System.Text.Json;
using SmartCity.Twin.Simulation.Scenarios;
using SmartCity.Twin.Simulation.Signals;
using SmartCity.Twin.Simulators.Provisioning;

namespace SmartCity.Twin.Simulators.Drills;

/// <summary>
/// Checks ground-truth expectations the way a user would: by reading each twin through <c>GET /api/v1/twins/{id}</c>.
/// Reads again for a little while until they hold, because the twin applies a message a moment after accepting it.
/// </summary>
internal sealed class TwinStateCheck(TwinApiClient api, TimeProvider time, IReadOnlyList<DeviceFault> faults)
{
    /// <summary>How long expectations may take to show; generous, for a loaded machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);

    public async Task<IReadOnlyList<ExpectationResult>> CheckAsync(IReadOnlyList<GroundTruthExpectation> expectations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expectations);
        var started = time.GetTimestamp();
        while (true)
        {
            var results = await ReadOnceAsync(expectations, cancellationToken).ConfigureAwait(false);
            if (results.All(r => r.Verdict != ExpectationVerdict.NotMet) || time.GetElapsedTime(started) >= Patience)
            {
                return results;
            }

            await Task.Delay(Pause, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The verdict on one expectation given the twin as the API returned it.</summary>
    public static ExpectationResult Judge(GroundTruthExpectation expected, JsonElement twin)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var e = expected.Expectation;
        if (!e.IsVisibleThroughApi)
        {
            return new ExpectationResult(expected, ExpectationVerdict.NotInApi, "not shown by GET /api/v1/twins/{id}");
        }

        if (e.Liveness is { } liveness)
        {
            var observed = twin.TryGetProperty("liveness", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "unknown";
            var met = string.Equals(observed, liveness.ToString(), StringComparison.OrdinalIgnoreCase);
            return new ExpectationResult(expected, met ? ExpectationVerdict.Met : ExpectationVerdict.NotMet, $"liveness {observed.ToLowerInvariant()}");
        }

        var metric = e.Metric!;
        if (LatestValue(twin, metric) is not { } reading)
        {
            return new ExpectationResult(expected, ExpectationVerdict.NotMet, $"no {metric} reading");
        }

        var holds = (e.AtLeast is not { } low || reading >= low) && (e.AtMost is not { } high || reading <= high);
        return new ExpectationResult(
            expected,
            holds ? ExpectationVerdict.Met : ExpectationVerdict.NotMet,
            string.Create(CultureInfo.InvariantCulture, $"{metric} = {reading:0.##}"));
    }

    private async Task<List<ExpectationResult>> ReadOnceAsync(IReadOnlyList<GroundTruthExpectation> expectations, CancellationToken cancellationToken)
    {
        var twins = new Dictionary<string, JsonElement?>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var ids = expectations.Where(e => e.Expectation.IsVisibleThroughApi).Select(e => e.Device.Id).Distinct(StringComparer.Ordinal).ToArray();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (id, ct) =>
        {
            try
            {
                var twin = await api.GetTwinAsync(id, ct).ConfigureAwait(false);
                lock (twins)
                {
                    twins[id] = twin;
                }
            }
            catch (TwinApiException failure)
            {
                lock (twins)
                {
                    errors[id] = failure.Message;
                }
            }
        }).ConfigureAwait(false);

        return expectations
            .Select(e => errors.TryGetValue(e.Device.Id, out var error)
                ? new ExpectationResult(e, ExpectationVerdict.NotMet, error)
                : Excuse(Judge(e, twins.GetValueOrDefault(e.Device.Id) ?? default)))
            .ToList();
    }

    private ExpectationResult Excuse(ExpectationResult result)
    {
        if (result.Verdict != ExpectationVerdict.NotMet)
        {
            return result;
        }

        var expected = result.Expected;
        var fault = faults.FirstOrDefault(f => f.DeviceId == expected.Device.Id && f.IsActive(expected.At) && (f.Kind == DeviceFaultKind.Dropout
            ? expected.Expectation.Liveness is not null
            : expected.Expectation.Metric == f.Metric));
        return fault is null
            ? result
            : result with { Verdict = ExpectationVerdict.Excused, Observed = $"{result.Observed} ({fault.Kind.ToString().ToLowerInvariant()} fault of the simulation)" };
    }

    private static double? LatestValue(JsonElement twin, string metric)
    {
        if (twin.ValueKind != JsonValueKind.Object || !twin.TryGetProperty("metrics", out var metrics) || metrics.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var reading in metrics.EnumerateArray())
        {
            if (reading.TryGetProperty("metric", out var name) && name.GetString() == metric
                && reading.TryGetProperty("value", out var value) && value.TryGetDouble(out var number))
            {
                return number;
            }
        }

        return null;
    }
}
