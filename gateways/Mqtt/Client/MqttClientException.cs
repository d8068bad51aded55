namespace SmartCity.Twin.Gateways.Mqtt.Client;

/// <summary>The connection failed or was closed while an operation was waiting for its acknowledgement.</summary>
internal sealed class MqttClientException : Exception
{
    public MqttClientException(string message)
        : base(message)
    {
    }

    public MqttClientException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
