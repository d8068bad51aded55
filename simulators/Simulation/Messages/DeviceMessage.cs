using System.Text.Json.Nodes;
using SmartCity.Twin.Simulation.Province;

namespace SmartCity.Twin.Simulation.Messages;

/// <summary>
/// One thing a simulated device sends, before any transport encodes it (<see cref="DeviceMessageFormat"/>). Mutable on
/// purpose: scenario effects raise a reading or replace an event on its way out.
/// </summary>
internal sealed class DeviceMessage
{
    public required SimulatedDevice Device { get; init; }

    public required DeviceMessageKind Kind { get; init; }

    /// <summary>Simulated time; sent as the payload's <c>ts</c>. Never later than the wall clock (see <c>SimulationClock</c>).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>For <see cref="DeviceMessageKind.Telemetry"/>: metric name → value, e.g. <c>pm2_5</c> → 41.2.</summary>
    public Dictionary<string, double>? Values { get; init; }

    /// <summary>
    /// For <see cref="DeviceMessageKind.Event"/>: the event object without <c>ts</c>, e.g. <c>{"type": "intrusion", "zone": "gate"}</c>;
    /// for <see cref="DeviceMessageKind.State"/>: the reported properties.
    /// </summary>
    public JsonObject? Body { get; set; }

    public static DeviceMessage Telemetry(SimulatedDevice device, DateTimeOffset at, Dictionary<string, double> values) =>
        new() { Device = device, Kind = DeviceMessageKind.Telemetry, At = at, Values = values };

    public static DeviceMessage Event(SimulatedDevice device, DateTimeOffset at, JsonObject body) =>
        new() { Device = device, Kind = DeviceMessageKind.Event, At = at, Body = body };

    public static DeviceMessage State(SimulatedDevice device, DateTimeOffset at, JsonObject properties) =>
        new() { Device = device, Kind = DeviceMessageKind.State, At = at, Body = properties };

    public static DeviceMessage Connectivity(SimulatedDevice device, DateTimeOffset at, DeviceMessageKind kind) =>
        kind is DeviceMessageKind.Online or DeviceMessageKind.Offline or DeviceMessageKind.ConnectionLost
            ? new() { Device = device, Kind = kind, At = at }
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a connectivity change.");

    public override string ToString() => $"{At:O} {Device.Id} {Kind}";
}
