namespace SmartCity.Twin.Grains.Access;

/// <summary>A signed-in user of the dashboard or tools. <see cref="PasswordHash"/> is ASP.NET Core Identity's PBKDF2 format, never the password.</summary>
public sealed record OperatorAccount(string Username, string PasswordHash, OperatorRole Role, DateTimeOffset CreatedAt, string CreatedBy);
