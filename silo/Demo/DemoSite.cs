namespace SmartCity.Twin.Silo.Demo;

/// <summary>A place where demo devices are installed, e.g. a hospital with several cameras.</summary>
internal sealed record DemoSite(string Name, string DistrictId, int Cameras);
