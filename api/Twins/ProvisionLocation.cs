namespace SmartCity.Twin.Api.Twins;

internal sealed record ProvisionLocation(double? Lon, double? Lat);
