using System.Text.Json;
using SmartCity.Twin.Grains.Devices.Cameras;
using SmartCity.Twin.Grains.Devices.FireAlarms;
using SmartCity.Twin.Grains.Devices.ServiceCounters;

namespace SmartCity.Twin.Simulators.Tests.Scenarios;

/// <summary>A twin as read at a drill's checkpoint: the API's view, and the kind's own state from its grain.</summary>
internal sealed record TwinView(JsonElement Api)
{
    public FirePanelStatus? Panel { get; init; }

    public OfficerPresence? Officer { get; init; }

    public IReadOnlyList<CameraAnalyticsEvent> Events { get; init; } = [];

    public string Liveness => Api.GetProperty("liveness").GetString()!;

    public double Metric(string name) =>
        Api.GetProperty("metrics").EnumerateArray().FirstOrDefault(m => m.GetProperty("metric").GetString() == name) is { ValueKind: JsonValueKind.Object } reading
            ? reading.GetProperty("value").GetDouble()
            : throw new InvalidOperationException($"{Api.GetProperty("id").GetString()} has no {name} reading: {Api}");
}
