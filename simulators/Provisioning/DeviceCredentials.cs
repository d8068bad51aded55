namespace SmartCity.Twin.Simulators.Provisioning;

/// <summary>What a device logs in with: MQTT username and password, or the ThingsBoard-style access token alone.</summary>
internal sealed record DeviceCredentials(string Username, string Password, string AccessToken);
