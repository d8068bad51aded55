using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Spectre.Console;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Simulation.Clock;
using SmartCity.Twin.Simulation.Effects;
using SmartCity.Twin.Simulation.Province;
using SmartCity.Twin.Simulation.Running;
using SmartCity.Twin.Simulators.Provisioning;
using SmartCity.Twin.Simulators.Transports;

namespace SmartCity.Twin.Simulators.Running;

/// <summary>A province run from the command line: provisioning, connecting, simulating, live statistics, summary.</summary>
internal static class ProvinceRun
{
    private static readonly TimeSpan SignOffTimeout = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Provisions the province's devices through the API, connects them, runs the simulation with
    /// <paramref name="effects"/> from <see cref="ProvinceRunSettings.Start"/> until <see cref="ProvinceRunSettings.Duration"/>
    /// has passed in simulated time (or until cancelled), showing progress and live statistics; returns the exit code.
    /// </summary>
    public static async Task<int> RunAsync(
        SimulatedProvince province,
        IReadOnlyList<IDeviceEffect> effects,
        ProvinceRunSettings settings,
        IAnsiConsole console,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(province);
        ArgumentNullException.ThrowIfNull(effects);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(console);
        if (!MqttAddress.TryParse(settings.Mqtt, out var broker))
        {
            console.MarkupLineInterpolated($"[red]--mqtt '{settings.Mqtt}' is not host:port.[/]");
            return ExitCodes.BadUsage;
        }

        var devices = province.Devices;
        var plan = TransportPlan.Create(devices, settings.TransportFor(devices.Count), settings.HttpShare, settings.Seed);
        Describe(console, province, plan, settings);

        using var admin = AdminClient(settings);
        var api = new TwinApiClient(admin);
        string? gatewayKeyName = null;
        try
        {
            IReadOnlyDictionary<string, DeviceCredentials> credentials;
            try
            {
                credentials = await ProvisionAsync(console, api, devices, plan, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                console.MarkupLine("Stopped while provisioning.");
                return ExitCodes.Succeeded;
            }

            string? gatewayKey = null;
            if (plan.Mqtt == DeviceTransport.Gateway && plan.MqttDevices.Count > 0)
            {
                gatewayKeyName = string.Create(CultureInfo.InvariantCulture, $"simulator-gateway-{DateTimeOffset.UtcNow:yyyyMMddHHmmss}-{Random.Shared.Next(10_000):D4}");
                gatewayKey = await api.CreateGatewayKeyAsync(gatewayKeyName, cancellationToken).ConfigureAwait(false);
            }

            using var deviceHttp = DeviceClient(settings);
            return await SimulateAsync(console, province, effects, settings, plan, credentials, broker, gatewayKeyName, gatewayKey, deviceHttp, cancellationToken).ConfigureAwait(false);
        }
        catch (TwinApiException e) when (e.IsAccessDenied)
        {
            console.MarkupLineInterpolated(
                $"[red]{settings.Api} refused the API key: {e.Message}. Pass a key with the admin scope in --api-key or {RunOptions.ApiKeyVariable}; a silo keeps its admin key in silo/data/admin-key.[/]");
            return ExitCodes.Failed;
        }
        catch (TwinApiException e)
        {
            console.MarkupLineInterpolated($"[red]The twin's API at {settings.Api} failed: {e.Message}[/]");
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.MarkupLine("Stopped.");
            return ExitCodes.Succeeded;
        }
        finally
        {
            if (gatewayKeyName is not null)
            {
                await RevokeQuietlyAsync(console, api, gatewayKeyName).ConfigureAwait(false);
            }
        }
    }

    private static async Task<int> SimulateAsync(
        IAnsiConsole console,
        SimulatedProvince province,
        IReadOnlyList<IDeviceEffect> effects,
        ProvinceRunSettings settings,
        TransportPlan plan,
        IReadOnlyDictionary<string, DeviceCredentials> credentials,
        MqttAddress broker,
        string? gatewayName,
        string? gatewayKey,
        HttpClient deviceHttp,
        CancellationToken cancellationToken)
    {
        var wall = TimeProvider.System;
        await using var uplink = Uplink(plan, credentials, broker, gatewayName, gatewayKey, deviceHttp, settings, wall);
        var start = settings.Start ?? SimulationClock.DefaultStart(wall.GetUtcNow(), settings.Speed, settings.Duration);
        var clock = new SimulationClock(wall, settings.Speed, start);
        var simulation = new ProvinceSimulation(province, new SimulationOptions { Start = start, Seed = settings.Seed, Pm25Replay = settings.Pm25Replay });
        foreach (var effect in effects)
        {
            simulation.AddEffect(effect);
        }

        var runner = new SimulationRunner(simulation, clock, uplink, wall);
        DateTimeOffset? until = settings.Duration is { } duration ? start + duration : null;
        var dashboard = new RunDashboard(runner.Statistics, clock, uplink, province.Devices.Count, until);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = runner.RunAsync(until, stop.Token);
        var watch = WatchForNoDeliveryAsync(runner.Statistics, province.Devices.Count, run, stop);
        await dashboard.ShowUntilAsync(run, console).ConfigureAwait(false);

        // The runner ends quietly when cancelled: Ctrl+C, or the watch giving up on a twin nothing reaches.
        await run.ConfigureAwait(false);
        await watch.ConfigureAwait(false);
        var outcome = cancellationToken.IsCancellationRequested ? "Stopped" : "Run complete";
        var exitCode = ExitCodes.Succeeded;
        if (runner.Statistics.Sent == 0 && runner.Statistics.Refused + runner.Statistics.Failed > 0)
        {
            outcome = "Failed: no device could reach the twin";
            exitCode = ExitCodes.Failed;
        }

        // Ctrl+C has cancelled the run's token: signing off gets its own time, so devices go offline cleanly.
        using (var signOff = new CancellationTokenSource(SignOffTimeout))
        {
            try
            {
                await uplink.SignOffAsync(signOff.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                console.MarkupLine("[yellow]Not every device could say offline in time; the broker publishes the Wills of the rest.[/]");
            }
        }

        dashboard.Summarize(console, start, outcome);
        return exitCode;
    }

    /// <summary>
    /// Stops the run when every device has tried and nothing got through (the broker is down, every credential refused):
    /// a run until Ctrl+C would otherwise fail forever.
    /// </summary>
    private static async Task WatchForNoDeliveryAsync(SimulationStatistics statistics, int devices, Task run, CancellationTokenSource stop)
    {
        while (!run.IsCompleted)
        {
            await Task.WhenAny(run, Task.Delay(TimeSpan.FromMilliseconds(250))).ConfigureAwait(false);
            if (statistics.Sent == 0 && statistics.Refused + statistics.Failed >= devices)
            {
                await stop.CancelAsync().ConfigureAwait(false);
                return;
            }

            if (statistics.Sent > 0)
            {
                return;
            }
        }
    }

    private static IFleetUplink Uplink(
        TransportPlan plan,
        IReadOnlyDictionary<string, DeviceCredentials> credentials,
        MqttAddress broker,
        string? gatewayName,
        string? gatewayKey,
        HttpClient deviceHttp,
        ProvinceRunSettings settings,
        TimeProvider wall)
    {
        var routes = new Dictionary<string, IFleetUplink>(StringComparer.Ordinal);
        if (plan.MqttDevices.Count > 0)
        {
            IFleetUplink mqtt = plan.Mqtt == DeviceTransport.Gateway
                ? new MqttGatewayUplink(plan.MqttDevices, settings.DevicesPerGateway, gatewayKey!, gatewayName!, broker, wall)
                : new MqttDeviceUplink(plan.MqttDevices, credentials, broker, wall);
            foreach (var device in plan.MqttDevices)
            {
                routes[device.Id] = mqtt;
            }
        }

        if (plan.HttpDevices.Count > 0)
        {
            var http = new HttpDeviceUplink(deviceHttp, plan.HttpDevices, credentials, wall);
            foreach (var device in plan.HttpDevices)
            {
                routes[device.Id] = http;
            }
        }

        return new RoutedUplink(routes);
    }

    private static async Task<IReadOnlyDictionary<string, DeviceCredentials>> ProvisionAsync(
        IAnsiConsole console,
        TwinApiClient api,
        IReadOnlyList<SimulatedDevice> devices,
        TransportPlan plan,
        CancellationToken cancellationToken)
    {
        var provisioner = new DeviceProvisioner(api);
        var elapsed = Stopwatch.StartNew();
        IReadOnlyDictionary<string, DeviceCredentials> credentials;
        if (console.Profile.Capabilities.Interactive)
        {
            credentials = await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("Provisioning", maxValue: devices.Count);
                    return await provisioner.ProvisionAsync(devices, plan.NeedsCredentials, () => task.Increment(1), cancellationToken).ConfigureAwait(false);
                }).ConfigureAwait(false);
        }
        else
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Provisioning {devices.Count} devices…"));
            credentials = await provisioner.ProvisionAsync(devices, plan.NeedsCredentials, null, cancellationToken).ConfigureAwait(false);
        }

        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Provisioned {devices.Count} devices in {RunDashboard.Span(elapsed.Elapsed)}."));
        return credentials;
    }

    private static void Describe(IAnsiConsole console, SimulatedProvince province, TransportPlan plan, ProvinceRunSettings settings)
    {
        var kinds = string.Join(", ", province.Devices
            .GroupBy(d => d.Kind)
            .OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key.ToName()}")));
        console.MarkupLineInterpolated($"[bold]{province.Map.Name}[/]: {province.Devices.Count} devices ({kinds}) in {province.Map.Districts.Count} districts");
        var mqtt = plan.Mqtt == DeviceTransport.Gateway
            ? string.Create(CultureInfo.InvariantCulture, $"{plan.MqttDevices.Count} over MQTT through {(plan.MqttDevices.Count + settings.DevicesPerGateway - 1) / settings.DevicesPerGateway} gateway connection(s)")
            : string.Create(CultureInfo.InvariantCulture, $"{plan.MqttDevices.Count} over MQTT, one connection each");
        console.MarkupLineInterpolated($"{mqtt}, {plan.HttpDevices.Count} over HTTP; API {settings.Api}, MQTT {settings.Mqtt}");
        var until = settings.Duration is { } duration ? $"for {RunDashboard.Span(duration)} simulated" : "until Ctrl+C";
        console.MarkupLineInterpolated($"Speed {settings.Speed.ToString("0.##", CultureInfo.InvariantCulture)}×, seed {settings.Seed}, {until}");
    }

    private static HttpClient AdminClient(ProvinceRunSettings settings)
    {
        var client = new HttpClient { BaseAddress = Root(settings.Api), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", settings.ApiKey);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    private static HttpClient DeviceClient(ProvinceRunSettings settings) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = Root(settings.Api),
            Timeout = TimeSpan.FromSeconds(30),
        };

    // Relative paths resolve under the API's root only when it ends with '/'.
    private static Uri Root(Uri api) => api.AbsoluteUri.EndsWith('/') ? api : new Uri(api.AbsoluteUri + "/");

    private static async Task RevokeQuietlyAsync(IAnsiConsole console, TwinApiClient api, string name)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await api.RevokeKeyAsync(name, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TwinApiException or OperationCanceledException)
        {
            console.MarkupLineInterpolated($"[yellow]The run's gateway key '{name}' could not be revoked ({e.Message}); revoke it with DELETE /api/v1/auth/keys/{name}.[/]");
        }
    }
}
