using SmartCity.Twin.Silo.Configuration;

namespace SmartCity.Twin.Silo.Logging;

/// <summary>The silo's log events. Event ids are stable so operators can alert on them.</summary>
internal static partial class SiloLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Storage provider {Provider}, data folder {DataPath}")]
    public static partial void StorageSelected(ILogger logger, StorageProviderKind provider, string dataPath);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Admin API key taken from configuration (Auth:AdminKey)")]
    public static partial void AdminKeyConfigured(ILogger logger);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Generated a new admin API key and stored it in {Path}; it is printed once on the console")]
    public static partial void AdminKeyGenerated(ILogger logger, string path);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Admin API key is stored in {Path}")]
    public static partial void AdminKeyStored(ILogger logger, string path);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Provisioning the demo province {Province}: {DeviceCount} devices")]
    public static partial void DemoProvisioning(ILogger logger, string province, int deviceCount);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "Demo province {Province} loaded: {DeviceCount} devices in {ElapsedMs} ms")]
    public static partial void DemoLoaded(ILogger logger, string province, int deviceCount, long elapsedMs);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Error, Message = "Loading the demo province failed; /healthz stays unhealthy")]
    public static partial void DemoFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Information, Message = "Demo province {Province} is live: {DeviceCount} devices report at {Speed}x from {Start:O}")]
    public static partial void DemoLive(ILogger logger, string province, int deviceCount, double speed, DateTimeOffset start);

    [LoggerMessage(EventId = 1014, Level = LogLevel.Error, Message = "The demo province's generator failed; its devices stop reporting, the silo carries on")]
    public static partial void DemoGeneratorFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1015, Level = LogLevel.Information, Message = "Demo province stopped reporting: {Sent} messages accepted, {Refused} refused, {Failed} undelivered (last error: {LastError})")]
    public static partial void DemoStopped(ILogger logger, long sent, long refused, long failed, string lastError);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Information, Message = "SmartCity.Twin silo ready")]
    public static partial void Ready(ILogger logger);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Information, Message = "SmartCity.Twin silo stopping: deactivating grains and persisting twin state")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(EventId = 1022, Level = LogLevel.Information, Message = "SmartCity.Twin silo stopped")]
    public static partial void Stopped(ILogger logger);
}
