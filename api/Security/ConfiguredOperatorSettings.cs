namespace SmartCity.Twin.Api.Security;

/// <summary>One <c>Auth:Users:{name}</c> entry.</summary>
internal sealed class ConfiguredOperatorSettings
{
    /// <summary>An ASP.NET Core Identity password hash (base64, as <c>PasswordHasher</c> writes it), never a password.</summary>
    public string? PasswordHash { get; set; }

    /// <summary><c>viewer</c>, <c>operator</c> or <c>admin</c>.</summary>
    public string? Role { get; set; }
}
