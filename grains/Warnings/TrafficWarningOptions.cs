namespace SmartCity.Twin.Grains.Warnings;

/// <summary>When an intersection twin raises <c>congestion</c> and <c>fault</c>.</summary>
public sealed class TrafficWarningOptions
{
}
