namespace SmartCity.Twin.Simulation.Province;

/// <summary>A place where devices are installed, e.g. a hospital with several cameras.</summary>
internal sealed record DeviceSite(string Name, string DistrictId, int Cameras, SiteKind Kind = SiteKind.PublicPlace);
