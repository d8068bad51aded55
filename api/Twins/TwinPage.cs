using SmartCity.Twin.Grains.Observation;

namespace SmartCity.Twin.Api.Twins;

/// <summary>The body of <c>GET /api/v1/twins</c>: one page in ordinal id order; <see cref="NextCursor"/> is <c>null</c> on the last page.</summary>
internal sealed record TwinPage(IReadOnlyList<DeviceTwinSummary> Items, string? NextCursor);
