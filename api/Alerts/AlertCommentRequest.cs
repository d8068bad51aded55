namespace SmartCity.Twin.Api.Alerts;

/// <summary>Body of a comment: 1–2,000 characters of text.</summary>
internal sealed record AlertCommentRequest(string? Text);
