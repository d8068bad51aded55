using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Broker;

/// <summary>
/// The v5 properties of a PUBLISH or Will that travel with the message to subscribers, copied out of the receive buffer
/// (the codec's <see cref="MqttProperties"/> is a view that dies with the buffer). <c>default</c> = none, as in 3.1.1.
/// </summary>
internal readonly record struct MqttPublishMetadata(
    byte? PayloadFormatIndicator,
    uint? MessageExpiryInterval,
    string? ContentType,
    string? ResponseTopic,
    byte[]? CorrelationData,
    MqttUserProperty[]? UserProperties)
{
    /// <summary>Allocates only for the properties present: a PUBLISH without properties costs nothing.</summary>
    public static MqttPublishMetadata From(in MqttProperties properties)
    {
        if (properties.IsEmpty)
        {
            return default;
        }

        MqttUserProperty[]? userProperties = null;
        if (properties.UserPropertyCount > 0)
        {
            userProperties = new MqttUserProperty[properties.UserPropertyCount];
            var i = 0;
            foreach (var property in properties.GetUserProperties())
            {
                userProperties[i++] = property.ToUserProperty();
            }
        }

        return new MqttPublishMetadata(
            properties.PayloadFormatIndicator,
            properties.MessageExpiryInterval,
            MqttUtf8.GetStringOrNull(properties.ContentType),
            MqttUtf8.GetStringOrNull(properties.ResponseTopic),
            properties.CorrelationData is { } correlation ? System.Buffers.BuffersExtensions.ToArray(correlation) : null,
            userProperties);
    }
}
