using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Simulation.Scenarios;

/// <summary>
/// Reads a scenario file (JSON). Strict: an unknown field, a wrong type or a dangling target name is refused with the
/// file and the place in it, e.g. <c>scenario 'x.json': timeline[3].action 'rampp' is not one of ramp, set, …</c>,
/// because a typo in a drill silently doing nothing is worse than no drill.
/// </summary>
internal static class ScenarioReader
{
    private static readonly string[] ScenarioFields = ["name", "title", "description", "duration", "startsAt", "targets", "cast", "timeline", "groundTruth"];
    private static readonly string[] StartFields = ["localTime", "days"];
    private static readonly string[] TargetFields = ["kind", "siteLike", "in", "notIn", "except", "nearest", "within", "count", "districts"];
    private static readonly string[] DistrictFields = ["count", "mostDevicesOf"];
    private static readonly string[] GroundTruthFields = ["warnings", "expectations"];
    private static readonly string[] WarningFields = ["type", "target", "onset", "end", "severity"];
    private static readonly string[] Severities = ["info", "low", "medium", "high", "critical"];
    private static readonly string[] ExpectationFields = ["at", "target", "metric", "atLeast", "atMost", "liveness", "panelState", "officer", "recentEvent", "zone"];
    private static readonly string[] PanelStates = ["normal", "pre-alarm", "alarm", "fault"];

    private static readonly Dictionary<ScenarioAction, string[]> StepFields = new()
    {
        [ScenarioAction.Ramp] = ["metric", "to", "from", "over"],
        [ScenarioAction.Set] = ["metric", "value"],
        [ScenarioAction.Freeze] = ["metric"],
        [ScenarioAction.Clear] = ["metric"],
        [ScenarioAction.Event] = ["event", "every", "until"],
        [ScenarioAction.Silent] = [],
        [ScenarioAction.Online] = [],
    };

    public static Scenario Read(string source, Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(utf8Json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ScenarioException($"scenario '{source}': not valid JSON at line {(e.LineNumber ?? 0) + 1}: {FirstSentence(e.Message)}", e);
        }

        using (document)
        {
            return new Reading(source).Scenario(document.RootElement);
        }
    }

    public static Scenario Read(string source, string json)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return Read(source, stream);
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).Trim();
    }

    private static string Slug(ScenarioAction action) => action.ToString().ToLowerInvariant();

    /// <summary>One file being read: every error names it.</summary>
    private sealed class Reading(string source)
    {
        public Scenario Scenario(JsonElement root)
        {
            Fields(root, string.Empty, ScenarioFields);
            var name = RequiredString(root, string.Empty, "name");
            if (name.Length > 64 || !name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                throw Error("name", $"'{name}' is not a slug (lower-case letters, digits and '-', at most 64)");
            }

            var duration = Duration(root, string.Empty, "duration") ?? throw Error("duration", "is missing (ISO 8601, e.g. \"PT30M\")");
            if (duration <= TimeSpan.Zero || duration > TimeSpan.FromDays(7))
            {
                throw Error("duration", "must be more than zero and at most 7 days");
            }

            var targets = Targets(root);
            var cast = Cast(root, targets);
            var timeline = Timeline(root, targets, duration);
            var (warnings, expectations) = GroundTruth(root, targets, duration);
            return new Scenario
            {
                Name = name,
                Title = RequiredString(root, string.Empty, "title"),
                Description = RequiredString(root, string.Empty, "description"),
                Duration = duration,
                StartsAt = StartsAt(root),
                Targets = targets,
                Cast = cast,
                Timeline = timeline,
                Warnings = warnings,
                Expectations = expectations,
                Source = source,
            };
        }

        private ScenarioStartTime? StartsAt(JsonElement root)
        {
            if (!root.TryGetProperty("startsAt", out var start))
            {
                return null;
            }

            Object(start, "startsAt");
            Fields(start, "startsAt", StartFields);
            var text = RequiredString(start, "startsAt", "localTime");
            if (!TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var localTime))
            {
                throw Error("startsAt.localTime", $"'{text}' is not a time of day as HH:mm");
            }

            var days = OptionalString(start, "startsAt", "days") ?? "any";
            var parsed = days switch
            {
                "any" => ScenarioDays.Any,
                "weekdays" => ScenarioDays.Weekdays,
                "weekend" => ScenarioDays.Weekend,
                _ => throw Error("startsAt.days", $"'{days}' is not one of any, weekdays, weekend"),
            };
            return new ScenarioStartTime(localTime, parsed);
        }

        private List<ScenarioTarget> Targets(JsonElement root)
        {
            if (!root.TryGetProperty("targets", out var targets))
            {
                throw Error("targets", "is missing");
            }

            Object(targets, "targets");
            var list = new List<ScenarioTarget>();
            foreach (var property in targets.EnumerateObject())
            {
                var path = $"targets.{property.Name}";
                var target = property.Value;
                Object(target, path);
                Fields(target, path, TargetFields);
                if (target.TryGetProperty("districts", out var districts))
                {
                    Object(districts, path + ".districts");
                    Fields(districts, path + ".districts", DistrictFields);
                    var other = target.EnumerateObject().FirstOrDefault(p => p.Name != "districts");
                    if (other.Value.ValueKind != JsonValueKind.Undefined)
                    {
                        throw Error($"{path}.{other.Name}", "cannot go with \"districts\": a target is either districts or devices");
                    }

                    list.Add(new ScenarioTarget
                    {
                        Name = property.Name,
                        Districts = PositiveInt(districts, path + ".districts", "count") ?? 1,
                        MostDevicesOf = Kind(districts, path + ".districts", "mostDevicesOf"),
                    });
                    continue;
                }

                int? count = 1;
                if (target.TryGetProperty("count", out var countElement))
                {
                    count = countElement.ValueKind == JsonValueKind.String && countElement.GetString() == "all"
                        ? null
                        : PositiveInt(target, path, "count");
                }

                var within = Number(target, path, "within");
                if (within is <= 0)
                {
                    throw Error(path + ".within", "must be more than 0 metres");
                }

                var nearest = OptionalString(target, path, "nearest");
                if (within is not null && nearest is null)
                {
                    throw Error(path + ".within", "needs \"nearest\": within how far of which target");
                }

                list.Add(new ScenarioTarget
                {
                    Name = property.Name,
                    Kind = Kind(target, path, "kind"),
                    SiteLike = OptionalString(target, path, "siteLike"),
                    In = OptionalString(target, path, "in"),
                    NotIn = OptionalString(target, path, "notIn"),
                    Except = OptionalString(target, path, "except"),
                    Nearest = nearest,
                    Within = within,
                    Count = count,
                });
            }

            if (list.Count == 0)
            {
                throw Error("targets", "names no target");
            }

            // References point backwards only, so targets resolve in file order and cannot form cycles.
            for (var i = 0; i < list.Count; i++)
            {
                var target = list[i];
                var earlier = list.Take(i).ToArray();
                CheckReference(earlier, target, "in", target.In, districts: true);
                CheckReference(earlier, target, "notIn", target.NotIn, districts: true);
                CheckReference(earlier, target, "except", target.Except, districts: false);
                CheckReference(earlier, target, "nearest", target.Nearest, districts: false);
            }

            return list;
        }

        private void CheckReference(ScenarioTarget[] earlier, ScenarioTarget target, string field, string? name, bool districts)
        {
            if (name is null)
            {
                return;
            }

            var referenced = earlier.FirstOrDefault(t => t.Name == name);
            if (referenced is null)
            {
                throw Error($"targets.{target.Name}.{field}", $"'{name}' is not a target defined before it ({Names(earlier)})");
            }

            if (referenced.IsDistrictTarget != districts)
            {
                throw Error($"targets.{target.Name}.{field}", $"'{name}' is {(districts ? "a device target; it needs a district target" : "a district target; it needs a device target")}");
            }
        }

        private List<string> Cast(JsonElement root, List<ScenarioTarget> targets)
        {
            if (!root.TryGetProperty("cast", out var cast))
            {
                throw Error("cast", "is missing: which targets to simulate when the scenario runs alone");
            }

            Array(cast, "cast");
            var names = new List<string>();
            var index = 0;
            foreach (var item in cast.EnumerateArray())
            {
                var path = $"cast[{index++}]";
                var name = item.ValueKind == JsonValueKind.String ? item.GetString()! : throw Error(path, "must be a target name");
                DeviceTarget(targets, path, name);
                names.Add(name);
            }

            return names.Count > 0 ? names : throw Error("cast", "names no target");
        }

        private List<ScenarioStep> Timeline(JsonElement root, List<ScenarioTarget> targets, TimeSpan duration)
        {
            if (!root.TryGetProperty("timeline", out var timeline))
            {
                throw Error("timeline", "is missing");
            }

            Array(timeline, "timeline");
            var steps = new List<ScenarioStep>();
            var index = 0;
            foreach (var step in timeline.EnumerateArray())
            {
                var path = $"timeline[{index++}]";
                Object(step, path);
                var actionName = RequiredString(step, path, "action");
                if (!Enum.TryParse<ScenarioAction>(actionName, ignoreCase: true, out var action) || actionName != Slug(action))
                {
                    throw Error(path + ".action", $"'{actionName}' is not one of {string.Join(", ", Enum.GetValues<ScenarioAction>().Select(Slug))}");
                }

                Fields(step, path, ["at", "target", "action", .. StepFields[action]], $" for \"{actionName}\"");
                var at = Offset(step, path, "at", duration) ?? throw Error(path + ".at", "is missing (an offset from the start, e.g. \"PT5M\")");
                var target = RequiredString(step, path, "target");
                DeviceTarget(targets, path + ".target", target);
                var parsed = new ScenarioStep
                {
                    At = at,
                    Target = target,
                    Action = action,
                    Metric = OptionalString(step, path, "metric"),
                    To = Number(step, path, "to"),
                    From = Number(step, path, "from"),
                    Over = Duration(step, path, "over"),
                    Value = Number(step, path, "value"),
                    Event = EventBody(step, path),
                    Every = Duration(step, path, "every"),
                    Until = Offset(step, path, "until", duration),
                };
                Require(parsed.Metric, path, "metric", action is ScenarioAction.Ramp or ScenarioAction.Set or ScenarioAction.Freeze);
                Require(parsed.To, path, "to", action == ScenarioAction.Ramp);
                Require(parsed.Over, path, "over", action == ScenarioAction.Ramp);
                Require(parsed.Value, path, "value", action == ScenarioAction.Set);
                Require(parsed.Event, path, "event", action == ScenarioAction.Event);
                if (parsed.Over is { } over && over <= TimeSpan.Zero)
                {
                    throw Error(path + ".over", "must be more than zero");
                }

                if (parsed.Every is { } every && every < TimeSpan.FromSeconds(1))
                {
                    throw Error(path + ".every", "must be at least one second");
                }

                if (parsed.Until is { } until && (parsed.Every is null || until < at))
                {
                    throw Error(path + ".until", parsed.Every is null ? "needs \"every\"" : "comes before \"at\"");
                }

                steps.Add(parsed);
            }

            return steps.Count > 0 ? steps : throw Error("timeline", "has no step");
        }

        private (List<ScenarioWarning> Warnings, List<ScenarioExpectation> Expectations) GroundTruth(JsonElement root, List<ScenarioTarget> targets, TimeSpan duration)
        {
            if (!root.TryGetProperty("groundTruth", out var truth))
            {
                throw Error("groundTruth", "is missing: the warnings an ideal detector raises and what the twins show");
            }

            Object(truth, "groundTruth");
            Fields(truth, "groundTruth", GroundTruthFields);
            var warnings = new List<ScenarioWarning>();
            if (truth.TryGetProperty("warnings", out var warningArray))
            {
                Array(warningArray, "groundTruth.warnings");
                var index = 0;
                foreach (var warning in warningArray.EnumerateArray())
                {
                    var path = $"groundTruth.warnings[{index++}]";
                    Object(warning, path);
                    Fields(warning, path, WarningFields);
                    var type = RequiredString(warning, path, "type");
                    if (type.Length > 64)
                    {
                        throw Error(path + ".type", "is longer than 64 characters");
                    }

                    var target = RequiredString(warning, path, "target");
                    DeviceTarget(targets, path + ".target", target);
                    var onset = Offset(warning, path, "onset", duration) ?? throw Error(path + ".onset", "is missing");
                    var end = Offset(warning, path, "end", duration);
                    if (end < onset)
                    {
                        throw Error(path + ".end", "comes before \"onset\"");
                    }

                    var severity = OptionalString(warning, path, "severity");
                    if (severity is not null && !Severities.Contains(severity, StringComparer.Ordinal))
                    {
                        throw Error(path + ".severity", $"'{severity}' is not one of {string.Join(", ", Severities)}");
                    }

                    warnings.Add(new ScenarioWarning(type, target, onset, end, severity is null ? null : Enum.Parse<AlertSeverity>(severity, ignoreCase: true)));
                }
            }

            var expectations = new List<ScenarioExpectation>();
            if (truth.TryGetProperty("expectations", out var expectationArray))
            {
                Array(expectationArray, "groundTruth.expectations");
                var index = 0;
                foreach (var expectation in expectationArray.EnumerateArray())
                {
                    expectations.Add(Expectation(expectation, $"groundTruth.expectations[{index++}]", targets, duration));
                }
            }

            return (warnings, expectations);
        }

        private ScenarioExpectation Expectation(JsonElement element, string path, List<ScenarioTarget> targets, TimeSpan duration)
        {
            Object(element, path);
            Fields(element, path, ExpectationFields);
            var target = RequiredString(element, path, "target");
            DeviceTarget(targets, path + ".target", target);
            var liveness = OptionalString(element, path, "liveness");
            var panel = OptionalString(element, path, "panelState");
            var officer = OptionalString(element, path, "officer");
            var expectation = new ScenarioExpectation
            {
                At = Offset(element, path, "at", duration),
                Target = target,
                Metric = OptionalString(element, path, "metric"),
                AtLeast = Number(element, path, "atLeast"),
                AtMost = Number(element, path, "atMost"),
                Liveness = liveness switch
                {
                    null => null,
                    "online" => DeviceLiveness.Online,
                    "offline" => DeviceLiveness.Offline,
                    "unknown" => DeviceLiveness.Unknown,
                    _ => throw Error(path + ".liveness", $"'{liveness}' is not one of online, offline, unknown"),
                },
                PanelState = panel is null || PanelStates.Contains(panel)
                    ? panel
                    : throw Error(path + ".panelState", $"'{panel}' is not one of {string.Join(", ", PanelStates)}"),
                OfficerPresent = officer switch
                {
                    null => null,
                    "present" => true,
                    "absent" => false,
                    _ => throw Error(path + ".officer", $"'{officer}' is not one of present, absent"),
                },
                RecentEvent = OptionalString(element, path, "recentEvent"),
                Zone = OptionalString(element, path, "zone"),
            };

            var kinds = new[] { expectation.Metric, expectation.Liveness?.ToString(), panel, officer, expectation.RecentEvent }.Count(v => v is not null);
            if (kinds != 1)
            {
                throw Error(path, "needs exactly one of metric, liveness, panelState, officer, recentEvent");
            }

            if (expectation.Metric is not null && expectation.AtLeast is null && expectation.AtMost is null)
            {
                throw Error(path, "with \"metric\" needs \"atLeast\" or \"atMost\"");
            }

            if (expectation.Metric is null && (expectation.AtLeast is not null || expectation.AtMost is not null))
            {
                throw Error(path, "\"atLeast\" and \"atMost\" go with \"metric\"");
            }

            if (expectation.Zone is not null && expectation.RecentEvent is null)
            {
                throw Error(path + ".zone", "goes with \"recentEvent\"");
            }

            return expectation;
        }

        private JsonObject? EventBody(JsonElement step, string path)
        {
            if (!step.TryGetProperty("event", out var body))
            {
                return null;
            }

            if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                throw Error(path + ".event", "must be an object with a string \"type\", e.g. {\"type\": \"intrusion\", \"zone\": \"gate\"}");
            }

            if (body.TryGetProperty("ts", out _))
            {
                throw Error(path + ".event.ts", "is set by the timeline, not written in the event");
            }

            return JsonNode.Parse(body.GetRawText())!.AsObject();
        }

        private void DeviceTarget(List<ScenarioTarget> targets, string path, string name)
        {
            var target = targets.FirstOrDefault(t => t.Name == name)
                ?? throw Error(path, $"'{name}' is not one of the targets ({Names(targets)})");
            if (target.IsDistrictTarget)
            {
                throw Error(path, $"'{name}' is a district target; name a device target here (e.g. {{\"in\": \"{name}\", \"count\": \"all\"}})");
            }
        }

        private static string Names(IEnumerable<ScenarioTarget> targets)
        {
            var names = string.Join(", ", targets.Select(t => t.Name));
            return names.Length == 0 ? "none" : names;
        }

        private void Require(object? value, string path, string field, bool required)
        {
            if (required && value is null)
            {
                throw Error($"{path}.{field}", "is missing");
            }
        }

        private void Fields(JsonElement element, string path, string[] allowed, string context = "")
        {
            foreach (var property in element.EnumerateObject())
            {
                if (!allowed.Contains(property.Name, StringComparer.Ordinal))
                {
                    throw Error(Join(path, property.Name), $"is not a known field{context} ({string.Join(", ", allowed)})");
                }
            }
        }

        private void Object(JsonElement element, string path)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Error(path, $"must be an object, not {Describe(element)}");
            }
        }

        private void Array(JsonElement element, string path)
        {
            if (element.ValueKind != JsonValueKind.Array)
            {
                throw Error(path, $"must be an array, not {Describe(element)}");
            }
        }

        private string RequiredString(JsonElement element, string path, string field) =>
            OptionalString(element, path, field) is { Length: > 0 } value ? value : throw Error(Join(path, field), "is missing or empty");

        private string? OptionalString(JsonElement element, string path, string field)
        {
            if (!element.TryGetProperty(field, out var value))
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Error(Join(path, field), $"must be a string, not {Describe(value)}");
        }

        private double? Number(JsonElement element, string path, string field)
        {
            if (!element.TryGetProperty(field, out var value))
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
                ? number
                : throw Error(Join(path, field), $"must be a number, not {Describe(value)}");
        }

        private int? PositiveInt(JsonElement element, string path, string field)
        {
            if (!element.TryGetProperty(field, out var value))
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number > 0
                ? number
                : throw Error(Join(path, field), $"must be a whole number above 0{(field == "count" && !path.EndsWith(".districts", StringComparison.Ordinal) ? " or \"all\"" : string.Empty)}, not {Describe(value)}");
        }

        private DeviceKind? Kind(JsonElement element, string path, string field)
        {
            var name = OptionalString(element, path, field);
            if (name is null)
            {
                return null;
            }

            return DeviceKindNames.TryParse(name, out var kind)
                ? kind
                : throw Error(Join(path, field), $"'{name}' is not one of {string.Join(", ", DeviceKindNames.All)}");
        }

        private TimeSpan? Duration(JsonElement element, string path, string field)
        {
            var text = OptionalString(element, path, field);
            if (text is null)
            {
                return null;
            }

            try
            {
                return text.StartsWith('P') ? XmlConvert.ToTimeSpan(text) : throw new FormatException();
            }
            catch (FormatException)
            {
                throw Error(Join(path, field), $"'{text}' is not an ISO 8601 duration such as \"PT30M\" or \"PT1H30M\"");
            }
        }

        private TimeSpan? Offset(JsonElement element, string path, string field, TimeSpan duration)
        {
            var offset = Duration(element, path, field);
            if (offset is { } value && (value < TimeSpan.Zero || value > duration))
            {
                throw Error(Join(path, field), $"{XmlConvert.ToString(value)} is outside the scenario (PT0S to {XmlConvert.ToString(duration)})");
            }

            return offset;
        }

        private static string Describe(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => $"\"{value.GetString()}\"",
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            JsonValueKind.Null => "null",
            JsonValueKind.Array => "an array",
            _ => "an object",
        };

        private static string Join(string path, string field) => path.Length == 0 ? field : $"{path}.{field}";

        private ScenarioException Error(string path, string problem) =>
            new(path.Length == 0 ? $"scenario '{source}': {problem}" : $"scenario '{source}': {path} {problem}");
    }
}
