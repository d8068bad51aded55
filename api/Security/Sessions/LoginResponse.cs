namespace SmartCity.Twin.Api.Security.Sessions;

/// <summary>A sign-in: the session cookie is set on the response; <see cref="AccessToken"/> is for tools (<c>Authorization: Bearer</c>).</summary>
public sealed record LoginResponse(string Username, string Role, IReadOnlyList<string> Scopes, string TokenType, string AccessToken, long ExpiresIn);
