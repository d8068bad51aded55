namespace SmartCity.Twin.Api.Kpis;

/// <param name="Counters">Service counters in the area now.</param>
/// <param name="ServiceLevelPercent">Staffed counter-minutes over expected counter-minutes in opening hours; <c>null</c> if the range holds no sampled opening hours.</param>
/// <param name="AverageQueueLength">Mean over the samples of the counters' mean queue length; <c>null</c> if no counter reported one.</param>
internal sealed record ServiceCounterKpis(int Counters, double? ServiceLevelPercent, double StaffedCounterMinutes, double ExpectedCounterMinutes, double? AverageQueueLength);
