using System.Text;
using System.Text.Json;
using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Simulation.Messages;

/// <summary>
/// The wire form of a <see cref="DeviceMessage"/>, exactly as a real device of the twin's topic scheme sends it: MQTT
/// topic <c>city/v1/{kind}/{id}/{channel}</c> and JSON payload, or the HTTP ingestion path.
/// </summary>
internal static class DeviceMessageFormat
{
    /// <summary>The MQTT topic; <c>.../status</c> for connectivity changes.</summary>
    public static string Topic(DeviceMessage message) =>
        $"city/v1/{message.Device.Kind.ToName()}/{message.Device.Id}/{Channel(message.Kind)}";

    /// <summary>The status topic a device sets as its Will.</summary>
    public static string StatusTopic(Province.SimulatedDevice device) => $"city/v1/{device.Kind.ToName()}/{device.Id}/status";

    /// <summary>
    /// The HTTP ingestion path relative to the API root (<c>api/v1/twins/{id}/telemetry</c>, <c>/events</c>, <c>/state</c>);
    /// <c>null</c> for connectivity changes, which HTTP devices cannot report.
    /// </summary>
    public static string? HttpPath(DeviceMessage message) => message.Kind switch
    {
        DeviceMessageKind.Telemetry or DeviceMessageKind.Event or DeviceMessageKind.State =>
            $"api/v1/twins/{Uri.EscapeDataString(message.Device.Id)}/{Channel(message.Kind)}",
        _ => null,
    };

    /// <summary>UTF-8 JSON with <c>ts</c> (Unix milliseconds of <see cref="DeviceMessage.At"/>), or <c>online</c>/<c>offline</c>.</summary>
    public static byte[] Payload(DeviceMessage message)
    {
        switch (message.Kind)
        {
            case DeviceMessageKind.Online:
                return "online"u8.ToArray();
            case DeviceMessageKind.Offline or DeviceMessageKind.ConnectionLost:
                return "offline"u8.ToArray();
        }

        using var buffer = new MemoryStream(128);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            switch (message.Kind)
            {
                case DeviceMessageKind.Telemetry:
                    json.WriteNumber("ts", message.At.ToUnixTimeMilliseconds());
                    json.WriteStartObject("values");
                    foreach (var (metric, value) in message.Values ?? [])
                    {
                        json.WriteNumber(metric, Math.Round(value, 3));
                    }

                    json.WriteEndObject();
                    break;
                case DeviceMessageKind.Event:
                    json.WriteNumber("ts", message.At.ToUnixTimeMilliseconds());
                    WriteProperties(json, message);
                    break;
                default:
                    WriteProperties(json, message);
                    break;
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>For logs and errors.</summary>
    public static string Describe(DeviceMessage message) => $"{Topic(message)} {Encoding.UTF8.GetString(Payload(message))}";

    private static void WriteProperties(Utf8JsonWriter json, DeviceMessage message)
    {
        foreach (var (name, value) in message.Body ?? [])
        {
            if (name == "ts")
            {
                continue;
            }

            json.WritePropertyName(name);
            if (value is null)
            {
                json.WriteNullValue();
            }
            else
            {
                value.WriteTo(json);
            }
        }
    }

    private static string Channel(DeviceMessageKind kind) => kind switch
    {
        DeviceMessageKind.Telemetry => "telemetry",
        DeviceMessageKind.Event => "events",
        DeviceMessageKind.State => "state",
        _ => "status",
    };
}
