namespace SmartCity.Twin.Api.Security.Operators;

/// <summary>An operator as listed (never the password hash). <see cref="Source"/>: <c>api</c>, or <c>configuration</c> (read-only here).</summary>
public sealed record OperatorResponse(string Username, string Role, IReadOnlyList<string> Scopes, string Source, DateTimeOffset? CreatedAt, string CreatedBy);
