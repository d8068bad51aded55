namespace SmartCity.Twin.Api.Alerts;

/// <summary>Body of acknowledge and resolve; the whole body may be left out.</summary>
internal sealed record AlertNoteRequest(string? Note);
