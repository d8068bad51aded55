using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Api.Live;

/// <summary>Where a twin was last provisioned, to tell the subscriptions it moved out of.</summary>
internal readonly record struct LiveTwinPlace(string? DistrictId, GeoPoint? Location);
