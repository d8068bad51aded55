namespace SmartCity.Twin.Grains.Devices.Cameras;

/// <summary>One detection by a camera's analytics.</summary>
/// <param name="Zone">The configured zone or line it happened in, if the analytics name one.</param>
/// <param name="PlateNumber">For <see cref="CameraEventType.PlateRead"/>: the plate as read, e.g. <c>17A-123.45</c>.</param>
/// <param name="Confidence">0–1, if the analytics give one.</param>
public sealed record CameraAnalyticsEvent(
    CameraEventType Type,
    DateTimeOffset OccurredAt,
    string? Zone = null,
    string? PlateNumber = null,
    double? Confidence = null);
