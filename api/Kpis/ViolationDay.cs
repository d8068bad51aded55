namespace SmartCity.Twin.Api.Kpis;

/// <summary>Camera violation events on one day, Vietnam time.</summary>
internal sealed record ViolationDay(DateOnly Date, long Count);
