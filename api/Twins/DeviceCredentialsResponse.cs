namespace SmartCity.Twin.Api.Twins;

/// <summary>How the device connects over MQTT: username and password, or the ThingsBoard-style access token as username alone.</summary>
internal sealed record DeviceCredentialsResponse(string Username, string Password, string AccessToken);
