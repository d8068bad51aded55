namespace SmartCity.Twin.Api.Security.Sessions;

public sealed record LoginRequest(string? Username, string? Password);
