namespace SmartCity.Twin.Runtime.Tests.Grains;

/// <param name="MaxTurnsInProgress">The most turns that had started and not finished at one time.</param>
/// <param name="ParallelExecutions">How often grain code was entered while it was already running on another thread.</param>
public sealed record TurnReport(int MaxTurnsInProgress, int ParallelExecutions, int Completed);
