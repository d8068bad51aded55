using SmartCity.Twin.Grains.Alerts;

namespace SmartCity.Twin.Api.Alerts;

/// <summary>One page of alerts, newest first; pass <see cref="NextCursor"/> as <c>cursor</c> for the next, <c>null</c> on the last page.</summary>
internal sealed record AlertPage(IReadOnlyList<AlertSnapshot> Items, string? NextCursor);
