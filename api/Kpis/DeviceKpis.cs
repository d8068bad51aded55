namespace SmartCity.Twin.Api.Kpis;

/// <param name="Total">Provisioned devices now.</param>
/// <param name="Online">Of those, online now.</param>
/// <param name="AvailabilityPercent">Online device-minutes over all device-minutes sampled in the range; <c>null</c> without samples.</param>
internal sealed record DeviceKpis(int Total, int Online, double? AvailabilityPercent);
