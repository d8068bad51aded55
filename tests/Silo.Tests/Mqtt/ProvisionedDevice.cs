namespace SmartCity.Twin.Silo.Tests.Mqtt;

/// <summary>A device twin created through <c>PUT /api/v1/twins/{id}</c>, with the credentials only that response carries.</summary>
/// <param name="Kind">The kind as it appears in topics, e.g. <c>environment-sensor</c>.</param>
internal sealed record ProvisionedDevice(string Id, string Kind, string Username, string Password, string AccessToken)
{
    public string TopicBase => $"city/v1/{Kind}/{Id}";

    public string Topic(string leaf) => $"{TopicBase}/{leaf}";

    /// <summary>The same device presenting a wrong secret.</summary>
    public ProvisionedDevice WithPassword(string password) => this with { Password = password };
}
