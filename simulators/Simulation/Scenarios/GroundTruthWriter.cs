using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Simulation.Signals;

namespace SmartCity.Twin.Simulation.Scenarios;

/// <summary>
/// Writes a played scenario's ground truth so detection can be scored later: <c>.csv</c> (one row per expected warning:
/// <c>scenario,warning,twin_id,kind,district,onset,end,lon,lat</c>) or <c>.json</c> (the warnings plus what each
/// twin shows at each checkpoint; a warning's <c>severity</c> when it is not its type's usual one). Times are ISO 8601
/// UTC; an empty or null <c>end</c> means still active at the end.
/// The simulation's own faults (stuck and drifting sensors, dropouts) are ground truth too: a detector that flags them
/// is right. They are listed under <c>faults</c> in JSON, and stuck or drifting sensors as <c>sensor-fault</c> rows of
/// scenario <c>background</c> in CSV (dropouts have no fixed times, so they are in the JSON only).
/// </summary>
internal static class GroundTruthWriter
{
    public const string CsvHeader = "scenario,warning,twin_id,kind,district,onset,end,lon,lat";

    /// <summary>By <paramref name="path"/>'s extension; creates the folder. Throws <see cref="ScenarioException"/> for another extension.</summary>
    public const string BackgroundScenario = "background";

    public static void Write(ScenarioPlay play, string path, IReadOnlyList<DeviceFault>? faults = null)
    {
        ArgumentNullException.ThrowIfNull(play);
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".csv" or ".json"))
        {
            throw new ScenarioException($"ground truth '{path}': the file name must end in .json or .csv");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        using var stream = File.Create(path);
        if (extension == ".csv")
        {
            WriteCsv(play, stream, faults);
        }
        else
        {
            WriteJson(play, stream, faults);
        }
    }

    public static void WriteCsv(ScenarioPlay play, Stream output, IReadOnlyList<DeviceFault>? faults = null)
    {
        ArgumentNullException.ThrowIfNull(play);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine(CsvHeader);
        foreach (var warning in play.Warnings)
        {
            writer.WriteLine(CsvRow(warning.Scenario, warning.Type, warning.Device, warning.Onset, warning.End));
        }

        foreach (var fault in faults ?? [])
        {
            if (fault.Kind != DeviceFaultKind.Dropout && play.Province.Find(fault.DeviceId) is { } device)
            {
                writer.WriteLine(CsvRow(BackgroundScenario, WarningTypes.SensorFault, device, fault.From, fault.Until));
            }
        }
    }

    public static void WriteJson(ScenarioPlay play, Stream output, IReadOnlyList<DeviceFault>? faults = null)
    {
        ArgumentNullException.ThrowIfNull(play);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("scenario", play.Scenario.Name);
        json.WriteString("title", play.Scenario.Title);
        json.WriteString("description", play.Scenario.Description);
        json.WriteString("province", play.Province.Map.Id);
        json.WriteNumber("seed", play.Seed);
        json.WriteString("start", Time(play.Start));
        json.WriteString("end", Time(play.End));
        json.WriteStartObject("targets");
        foreach (var target in play.Scenario.Targets)
        {
            var resolved = play.Targets[target.Name];
            json.WriteStartArray(target.Name);
            foreach (var id in target.IsDistrictTarget ? resolved.Districts.Select(d => d.Id) : resolved.Devices.Select(d => d.Id))
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteStartArray("warnings");
        foreach (var warning in play.Warnings)
        {
            json.WriteStartObject();
            json.WriteString("warning", warning.Type);
            WriteTwin(json, warning.Device);
            json.WriteString("onset", Time(warning.Onset));
            if (warning.End is { } end)
            {
                json.WriteString("end", Time(end));
            }
            else
            {
                json.WriteNull("end");
            }

            if (warning.Severity is { } severity)
            {
                json.WriteString("severity", severity.ToString());
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("expectations");
        foreach (var expected in play.Expectations)
        {
            var e = expected.Expectation;
            json.WriteStartObject();
            json.WriteString("at", Time(expected.At));
            json.WriteString("offset", XmlConvert.ToString(expected.Offset));
            json.WriteString("twinId", expected.Device.Id);
            json.WriteString("kind", expected.Device.Kind.ToName());
            json.WriteString("expect", e.Describe());
            if (e.Metric is not null)
            {
                json.WriteString("metric", e.Metric);
                WriteOptional(json, "atLeast", e.AtLeast);
                WriteOptional(json, "atMost", e.AtMost);
            }

            if (e.Liveness is { } liveness)
            {
                json.WriteString("liveness", liveness.ToString().ToLowerInvariant());
            }

            if (e.PanelState is not null)
            {
                json.WriteString("panelState", e.PanelState);
            }

            if (e.OfficerPresent is { } present)
            {
                json.WriteString("officer", present ? "present" : "absent");
            }

            if (e.RecentEvent is not null)
            {
                json.WriteString("recentEvent", e.RecentEvent);
                if (e.Zone is not null)
                {
                    json.WriteString("zone", e.Zone);
                }
            }

            json.WriteBoolean("visibleThroughApi", e.IsVisibleThroughApi);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("faults");
        foreach (var fault in faults ?? [])
        {
            if (play.Province.Find(fault.DeviceId) is not { } device)
            {
                continue;
            }

            json.WriteStartObject();
            json.WriteString("fault", fault.Kind.ToString().ToLowerInvariant());
            WriteTwin(json, device);
            if (fault.Metric is not null)
            {
                json.WriteString("metric", fault.Metric);
            }

            json.WriteString("from", Time(fault.From));
            if (fault.Until is { } until)
            {
                json.WriteString("until", Time(until));
            }
            else
            {
                json.WriteNull("until");
            }

            if (fault.Kind == DeviceFaultKind.Drift)
            {
                json.WriteNumber("driftPerHour", fault.DriftPerHour);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>ISO 8601 UTC to the second, e.g. <c>2026-11-21T18:00:00Z</c>.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string CsvRow(string scenario, string warning, Province.SimulatedDevice device, DateTimeOffset onset, DateTimeOffset? end) =>
        string.Join(',',
            Csv(scenario),
            Csv(warning),
            Csv(device.Id),
            device.Kind.ToName(),
            Csv(device.DistrictId),
            Time(onset),
            end is { } until ? Time(until) : string.Empty,
            device.Location.Longitude.ToString("0.#####", CultureInfo.InvariantCulture),
            device.Location.Latitude.ToString("0.#####", CultureInfo.InvariantCulture));

    private static void WriteTwin(Utf8JsonWriter json, Province.SimulatedDevice device)
    {
        json.WriteString("twinId", device.Id);
        json.WriteString("kind", device.Kind.ToName());
        json.WriteString("district", device.DistrictId);
        json.WriteNumber("lon", device.Location.Longitude);
        json.WriteNumber("lat", device.Location.Latitude);
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
    }

    // Ids and district slugs have no commas or quotes, but a scenario file is user input.
    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
