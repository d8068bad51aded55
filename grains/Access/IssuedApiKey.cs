namespace SmartCity.Twin.Grains.Access;

/// <summary>A key just created: <see cref="Key"/> is shown to the admin once and cannot be read back.</summary>
public sealed record IssuedApiKey(ApiKeyRecord Record, string Key);
