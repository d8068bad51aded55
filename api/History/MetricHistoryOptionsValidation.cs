using Microsoft.Extensions.Options;

namespace SmartCity.Twin.Api.History;

/// <summary>Refuses settings history cannot run with, naming the key, so the silo stops at start instead of misbehaving later.</summary>
internal sealed class MetricHistoryOptionsValidation : IValidateOptions<MetricHistoryOptions>
{
    public ValidateOptionsResult Validate(string? name, MetricHistoryOptions options)
    {
        var failures = new List<string>();
        var resolution = options.Resolution;
        if (resolution < TimeSpan.FromSeconds(1) || resolution > TimeSpan.FromHours(1) || resolution.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            failures.Add($"History:Resolution must be a whole number of seconds from 00:00:01 to 01:00:00, not {resolution}.");
        }

        if (options.Retention < resolution)
        {
            failures.Add($"History:Retention ({options.Retention}) must be at least History:Resolution ({resolution}).");
        }

        if (options.FlushInterval < TimeSpan.FromMilliseconds(100) || options.FlushInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"History:FlushInterval must be from 00:00:00.1 to 01:00:00, not {options.FlushInterval}.");
        }

        if (options.BatchSize < 1)
        {
            failures.Add("History:BatchSize must be at least 1.");
        }

        if (options.MaxOpenBuckets < 1 || options.MaxPendingBuckets < 1)
        {
            failures.Add("History:MaxOpenBuckets and History:MaxPendingBuckets must be at least 1.");
        }

        if (options.RetentionSweepInterval <= TimeSpan.Zero)
        {
            failures.Add("History:RetentionSweepInterval must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
