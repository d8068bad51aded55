using System.Text.Json;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Devices.Cameras;
using SmartCity.Twin.Grains.Devices.FireAlarms;
using SmartCity.Twin.Grains.Devices.Intersections;
using SmartCity.Twin.Grains.Devices.ServiceCounters;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Gateways.Devices.Payloads;

/// <summary>
/// Events on <c>.../events</c>, one JSON object <c>{"type": ..., "ts": optional, ...}</c>, each meaning something to
/// one kind of twin: camera analytics (<c>{"type": "intrusion", "zone": "gate", "confidence": 0.93}</c>), fire panel
/// states (<c>{"type": "alarm"}</c>), signal phases (<c>{"type": "phase", "phase": "NS-green"}</c>) and officer
/// presence at a counter (<c>{"type": "officer-present"}</c>).
/// </summary>
internal static class DeviceEventPayload
{
    /// <returns>The call that hands the event to the twin, or <c>null</c> with <paramref name="error"/>.</returns>
    public static Task? Dispatch(IGrainFactory grains, DeviceKind kind, string deviceId, JsonElement body, DateTimeOffset now, TimeSpan maxClockSkew, out string? error)
    {
        error = null;
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
        {
            error = "An event must be a JSON object with a string \"type\", e.g. {\"type\": \"intrusion\", \"zone\": \"gate\"}.";
            return null;
        }

        var type = Normalize(typeElement.GetString()!);
        var at = now;
        if (body.TryGetProperty("ts", out var ts) && ts.ValueKind != JsonValueKind.Null)
        {
            if (ts.ValueKind != JsonValueKind.Number || !ts.TryGetInt64(out var unixMs) || unixMs < 0 || unixMs > now.Add(maxClockSkew).ToUnixTimeMilliseconds())
            {
                error = "\"ts\" must be Unix milliseconds, not in the future.";
                return null;
            }

            at = DateTimeOffset.FromUnixTimeMilliseconds(unixMs);
        }

        switch (kind)
        {
            case DeviceKind.Camera:
                return CameraEvent(grains.GetGrain<ICameraTwin>(deviceId), type, body, at, out error);
            case DeviceKind.FireAlarm:
                FirePanelState? panel = type switch
                {
                    "normal" => FirePanelState.Normal,
                    "prealarm" => FirePanelState.PreAlarm,
                    "alarm" => FirePanelState.Alarm,
                    "fault" => FirePanelState.Fault,
                    _ => null,
                };
                if (panel is null)
                {
                    error = $"Fire-alarm panels report \"type\": normal, pre-alarm, alarm or fault, not '{typeElement.GetString()}'.";
                    return null;
                }

                return grains.GetGrain<IFireAlarmTwin>(deviceId).ReportPanelState(panel.Value, at);
            case DeviceKind.Intersection:
                if (type != "phase" || !body.TryGetProperty("phase", out var phase) || phase.ValueKind != JsonValueKind.String
                    || phase.GetString() is not { Length: > 0 and <= 64 } phaseName)
                {
                    error = "Intersections report {\"type\": \"phase\", \"phase\": \"<controller phase name, 1–64 characters>\"}.";
                    return null;
                }

                return grains.GetGrain<IIntersectionTwin>(deviceId).ReportSignalPhase(phaseName, at);
            case DeviceKind.ServiceCounter:
                bool? present = type switch
                {
                    "officerpresent" => true,
                    "officerabsent" => false,
                    _ => null,
                };
                if (present is null)
                {
                    error = "Service counters report {\"type\": \"officer-present\"} or {\"type\": \"officer-absent\"}.";
                    return null;
                }

                return grains.GetGrain<IServiceCounterTwin>(deviceId).ReportOfficerPresence(present.Value, at);
            default:
                error = $"{kind.ToName()} devices have no events; send measurements as telemetry.";
                return null;
        }
    }

    private static Task? CameraEvent(ICameraTwin camera, string type, JsonElement body, DateTimeOffset at, out string? error)
    {
        error = null;
        CameraEventType? eventType = type switch
        {
            "motion" => CameraEventType.Motion,
            "intrusion" => CameraEventType.Intrusion,
            "personpresent" => CameraEventType.PersonPresent,
            "personabsent" => CameraEventType.PersonAbsent,
            "plateread" => CameraEventType.PlateRead,
            "tamper" => CameraEventType.Tamper,
            "violation" => CameraEventType.Violation,
            _ => null,
        };
        if (eventType is null)
        {
            error = "Camera events have \"type\": motion, intrusion, person-present, person-absent, plate-read, tamper or violation.";
            return null;
        }

        var zone = OptionalString(body, "zone");
        var plate = OptionalString(body, "plate");
        double? confidence = null;
        if (body.TryGetProperty("confidence", out var c) && c.ValueKind != JsonValueKind.Null)
        {
            if (c.ValueKind != JsonValueKind.Number || !c.TryGetDouble(out var value) || value is < 0 or > 1)
            {
                error = "\"confidence\" must be a number from 0 to 1.";
                return null;
            }

            confidence = value;
        }

        if ((zone?.Length ?? 0) > 128 || (plate?.Length ?? 0) > 32)
        {
            error = "\"zone\" is at most 128 characters and \"plate\" at most 32.";
            return null;
        }

        return camera.ReportAnalyticsEvent(new CameraAnalyticsEvent(eventType.Value, at, zone, plate, confidence));
    }

    private static string? OptionalString(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>"Pre-Alarm", "pre_alarm" and "prealarm" are the same type to firmware writers.</summary>
    private static string Normalize(string type)
    {
        Span<char> buffer = stackalloc char[Math.Min(type.Length, 32)];
        var length = 0;
        foreach (var c in type.AsSpan(0, Math.Min(type.Length, 32)))
        {
            if (c is not ('-' or '_' or ' '))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }
}
