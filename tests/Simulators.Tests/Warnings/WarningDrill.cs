using System.Globalization;
using System.Text.Json;
using SmartCity.Twin.Simulators.Tests.Scenarios;

namespace SmartCity.Twin.Simulators.Tests.Warnings;

/// <summary>
/// A drill played the way an engineer plays it — <c>scenario run NAME --alone --check</c> over MQTT against a whole silo
/// on real sockets — after which the operator's side is read through the API: the alerts the twins raised, in drill
/// time (the twins judge by their readings' timestamps, so a drill replayed at 300× keeps its onsets).
/// </summary>
internal sealed class WarningDrill : IDisposable
{
    private readonly DrillHarness harness = new();
    private readonly HttpClient admin;

    private WarningDrill()
    {
        admin = harness.Silo.CreateAdminClient();
        Desk = new AlertDesk(admin);
    }

    /// <summary>Read with the admin key, which sees every alert.</summary>
    public AlertDesk Desk { get; }

    public InProcessSilo Silo => harness.Silo;

    /// <summary>The drill's simulated start (UTC): ground-truth offsets count from it.</summary>
    public DateTimeOffset Start { get; private set; }

    public static async Task<WarningDrill> PlayAsync(string scenario, double speed)
    {
        var drill = new WarningDrill();
        try
        {
            var exitCode = await drill.harness.RunAsync(scenario, speed);
            Assert.True(exitCode == 0, drill.harness.Output);
            drill.Start = Time(drill.harness.GroundTruth().GetProperty("start"));
            return drill;
        }
        catch
        {
            drill.Dispose();
            throw;
        }
    }

    /// <summary>The twin ids (or district ids) of a target of the drill.</summary>
    public IReadOnlyList<string> Target(string name) => harness.Target(name);

    /// <summary>When the ground truth says an ideal detector raises <paramref name="type"/> on <paramref name="twinId"/>.</summary>
    public DateTimeOffset Onset(string type, string twinId) =>
        harness.GroundTruth().GetProperty("warnings").EnumerateArray()
            .Where(w => w.GetProperty("warning").GetString() == type && w.GetProperty("twinId").GetString() == twinId)
            .Select(w => Time(w.GetProperty("onset")))
            .Single();

    /// <summary>The severity the ground truth gives <paramref name="type"/> on <paramref name="twinId"/> (e.g. <c>Critical</c>), <c>null</c> for the type's usual one.</summary>
    public string? Severity(string type, string twinId) =>
        harness.GroundTruth().GetProperty("warnings").EnumerateArray()
            .Where(w => w.GetProperty("warning").GetString() == type && w.GetProperty("twinId").GetString() == twinId)
            .Select(w => w.TryGetProperty("severity", out var severity) ? severity.GetString() : null)
            .Single();

    /// <summary>Twins the simulation itself made faulty (stuck, drifting, dropping out): the ground truth excuses them.</summary>
    public IReadOnlySet<string> Faulty() =>
        harness.GroundTruth().GetProperty("faults").EnumerateArray().Select(f => f.GetProperty("twinId").GetString()!).ToHashSet(StringComparer.Ordinal);

    /// <summary>"+4m10s" from the drill's start, for messages.</summary>
    public string Offset(DateTimeOffset at) => string.Create(CultureInfo.InvariantCulture, $"+{(at - Start).TotalMinutes:0.##} min");

    public void Dispose()
    {
        admin.Dispose();
        harness.Dispose();
    }

    private static DateTimeOffset Time(JsonElement text) =>
        DateTimeOffset.Parse(text.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
