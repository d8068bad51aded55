namespace SmartCity.Twin.Simulation.Messages;

/// <summary>What a simulated device does at one moment.</summary>
internal enum DeviceMessageKind
{
    /// <summary>Metric values, on <c>.../telemetry</c>.</summary>
    Telemetry,

    /// <summary>An event (camera analytics, panel state, signal phase, officer presence), on <c>.../events</c>.</summary>
    Event,

    /// <summary>Reported properties (firmware, configuration), on <c>.../state</c>.</summary>
    State,

    /// <summary>The device connects (or comes back) and says so on <c>.../status</c>.</summary>
    Online,

    /// <summary>The device shuts down cleanly: <c>offline</c> on <c>.../status</c>, then it disconnects.</summary>
    Offline,

    /// <summary>
    /// The device drops off without a word (power cut, vandalism): its connection breaks, so the broker publishes its
    /// Will; a transport without Wills reports it offline as the Will would.
    /// </summary>
    ConnectionLost,
}
