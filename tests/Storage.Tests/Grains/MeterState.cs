namespace SmartCity.Twin.Runtime.Storage.Tests.Grains;

public sealed class MeterState
{
    public double Reading { get; set; }

    public string District { get; set; } = "Thành phố Thái Bình";

    public int Reports { get; set; }
}
