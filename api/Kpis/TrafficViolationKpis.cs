namespace SmartCity.Twin.Api.Kpis;

/// <param name="PerDay">Every local day the range touches, oldest first, including days without violations.</param>
internal sealed record TrafficViolationKpis(long Total, double AveragePerDay, IReadOnlyList<ViolationDay> PerDay);
