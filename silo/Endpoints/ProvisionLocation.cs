namespace SmartCity.Twin.Silo.Endpoints;

internal sealed record ProvisionLocation(double? Lon, double? Lat);
