namespace SmartCity.Twin.Api.Security.Sessions;

/// <summary>Who the caller is. <see cref="Kind"/>: <c>operator</c> or <c>key</c>; <see cref="Role"/> only for operators.</summary>
public sealed record CurrentPrincipalResponse(string Name, string Kind, string? Role, IReadOnlyList<string> Scopes);
