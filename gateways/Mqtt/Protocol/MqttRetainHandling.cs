namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>Subscription option bits 4–5 (5.0 3.8.3.1): when retained messages are sent for a new subscription.</summary>
internal enum MqttRetainHandling : byte
{
    SendAtSubscribe = 0,
    SendAtSubscribeIfNew = 1,
    DoNotSend = 2,
}
