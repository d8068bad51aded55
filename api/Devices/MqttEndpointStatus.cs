using SmartCity.Twin.Gateways.Mqtt.Broker;

namespace SmartCity.Twin.Api.Devices;

/// <summary>The MQTT endpoint's connections and counters since start, for operators checking on field devices.</summary>
internal sealed record MqttEndpointStatus(int ConnectedClients, MqttEndpointMetrics Counters);
