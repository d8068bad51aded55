namespace SmartCity.Twin.Silo.Auth;

/// <summary>The admin key in use, its origin, and the file it lives in (when it lives in one).</summary>
internal sealed record AdminKeyResolution(string Key, AdminKeySource Source, string? FilePath);
