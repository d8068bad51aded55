using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Grains.Tests.Twins;

/// <summary>Town centres of Thái Bình used as device locations.</summary>
internal static class Places
{
    public static readonly GeoPoint ThaiBinhCity = new(106.3366, 20.4463);
    public static readonly GeoPoint DiemDien = new(106.5676, 20.5586); // Thái Thụy
    public static readonly GeoPoint QuynhCoi = new(106.3284, 20.6526); // Quỳnh Phụ
    public static readonly GeoPoint HaNoi = new(105.8542, 21.0285);
}
