namespace SmartCity.Twin.Api.Security.Operators;

/// <param name="Role"><c>viewer</c>, <c>operator</c> or <c>admin</c>.</param>
public sealed record CreateOperatorRequest(string? Username, string? Password, string? Role);
