namespace SmartCity.Twin.Api.Live;

/// <summary>The names of the messages the hub sends to clients: a public contract (api/Live/README.md).</summary>
internal static class LiveMessages
{
    /// <summary><c>snapshot(subscriptionId, twins)</c>: every twin the subscription shows now.</summary>
    public const string Snapshot = "snapshot";

    /// <summary><c>deltas(subscriptionId, twins, removedIds)</c>: twins changed since the last push, latest value each.</summary>
    public const string Deltas = "deltas";

    /// <summary><c>alerts(subscriptionId, alerts, isSnapshot)</c>: the open alerts first, then every changed alert.</summary>
    public const string Alerts = "alerts";
}
