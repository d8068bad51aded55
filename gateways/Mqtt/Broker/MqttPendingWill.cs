namespace SmartCity.Twin.Gateways.Mqtt.Broker;

/// <summary>A Will held back by its v5 Will Delay Interval, to be published at <see cref="FireAtTimestamp"/> unless the session reconnects.</summary>
internal sealed record MqttPendingWill(MqttWill Will, IMqttClientPolicy Policy, long FireAtTimestamp);
