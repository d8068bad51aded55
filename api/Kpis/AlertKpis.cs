namespace SmartCity.Twin.Api.Kpis;

/// <summary>Alerts raised in the range and how fast operators handled them (from raising to acknowledging, to resolving).</summary>
/// <param name="MeanTimeToAcknowledgeSeconds">Over the alerts raised in the range that were acknowledged; <c>null</c> if none was.</param>
/// <param name="MeanTimeToResolveSeconds">Over the alerts raised in the range that were resolved; <c>null</c> if none was.</param>
internal sealed record AlertKpis(int Raised, int Acknowledged, int Resolved, double? MeanTimeToAcknowledgeSeconds, double? MeanTimeToResolveSeconds);
