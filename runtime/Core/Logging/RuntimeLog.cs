using Microsoft.Extensions.Logging;

namespace SmartCity.Twin.Runtime.Logging;

internal static partial class RuntimeLog
{
    [LoggerMessage(1, LogLevel.Warning, "One-way call {Method} to {GrainId} failed")]
    public static partial void OneWayCallFailed(ILogger logger, string method, GrainId grainId, Exception exception);

    [LoggerMessage(2, LogLevel.Error, "Activation of {GrainId} failed")]
    public static partial void ActivationFailed(ILogger logger, GrainId grainId, Exception exception);

    [LoggerMessage(3, LogLevel.Warning, "Deactivation of {GrainId} failed")]
    public static partial void DeactivationFailed(ILogger logger, GrainId grainId, Exception exception);

    [LoggerMessage(4, LogLevel.Warning, "Timer tick of {GrainId} failed")]
    public static partial void TimerTickFailed(ILogger logger, GrainId grainId, Exception exception);

    [LoggerMessage(5, LogLevel.Warning, "Reminder {ReminderName} of {GrainId} failed")]
    public static partial void ReminderFailed(ILogger logger, string reminderName, GrainId grainId, Exception exception);

    [LoggerMessage(6, LogLevel.Information, "Grain runtime started with {GrainClassCount} grain classes")]
    public static partial void Started(ILogger logger, int grainClassCount);

    [LoggerMessage(7, LogLevel.Information, "Grain runtime stopping: deactivating {ActivationCount} activations")]
    public static partial void Stopping(ILogger logger, int activationCount);

    [LoggerMessage(8, LogLevel.Debug, "Collected {Count} idle activations")]
    public static partial void Collected(ILogger logger, int count);

    [LoggerMessage(10, LogLevel.Warning, "{Count} activations did not finish deactivating before the shutdown timeout")]
    public static partial void StopTimedOut(ILogger logger, int count);

    [LoggerMessage(9, LogLevel.Warning, "Loading reminders failed; retrying")]
    public static partial void ReminderLoadFailed(ILogger logger, Exception exception);
}
