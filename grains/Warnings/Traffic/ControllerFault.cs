namespace SmartCity.Twin.Grains.Warnings.Traffic;

/// <summary>
/// How a signal controller says it is faulty: telemetry <c>fault</c> = 1 (0 when it recovers), as the simulated
/// controllers and an OPC UA controller's fault flag report it.
/// </summary>
public static class ControllerFault
{
    public const string Metric = "fault";

    public static bool IsFault(double flag) => flag >= 0.5;

    public const string Message = "Bộ điều khiển đèn tín hiệu báo lỗi";
}
