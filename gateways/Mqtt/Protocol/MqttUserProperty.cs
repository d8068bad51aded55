namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>A User Property to send (5.0 3.1.2.11.8); names may repeat and order is kept.</summary>
internal readonly record struct MqttUserProperty(string Name, string Value);
