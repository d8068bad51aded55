using System.CommandLine;
using System.Globalization;
using SmartCity.Twin.Gateways.Mqtt.Protocol;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Simulators.Load;
using SmartCity.Twin.Simulators.Provisioning;
using SmartCity.Twin.Simulators.Running;
using SmartCity.Twin.Simulators.Transports;
using Spectre.Console;

namespace SmartCity.Twin.Simulators.Commands;

/// <summary>
/// `load`: N devices publish telemetry at R messages a second for S seconds; the report gives achieved and acknowledged
/// msg/s and end-to-end latency percentiles (publish → visible through the SignalR hub and through the API), on the
/// console and in a CSV. Exit codes: 0 done, 1 nothing got through (or the twin could not be reached), 2 bad arguments.
/// </summary>
internal static class LoadCommand
{
    public static Command Create(CommonOptions common)
    {
        ArgumentNullException.ThrowIfNull(common);
        var devices = new Option<int>("--devices") { Description = "Devices (environment sensors), each on its own MQTT connection", DefaultValueFactory = _ => 1000 };
        var rate = new Option<double>("--rate") { Description = "Telemetry messages a second, all devices together (open loop)", DefaultValueFactory = _ => 1000 };
        var duration = new Option<double>("--duration") { Description = "Seconds of measuring", DefaultValueFactory = _ => 60 };
        var warmup = new Option<double>("--warmup") { Description = "Seconds of publishing before measuring starts", DefaultValueFactory = _ => 5 };
        var qos = new Option<int>("--qos") { Description = "MQTT QoS: 1 counts PUBACKs, 0 only what was sent", DefaultValueFactory = _ => 1 };
        var csv = new Option<string?>("--csv") { Description = "CSV file the measurements are added to (default ./load-<utc>.csv)" };
        var idPrefix = new Option<string>("--id-prefix") { Description = "Twin ids are this prefix and a number", DefaultValueFactory = _ => "load-" };
        var province = new Option<string>("--province") { Description = $"Province whose districts the devices stand in: {string.Join(", ", ProvinceMap.AvailableProvinceIds)}", DefaultValueFactory = _ => ProvinceMap.DefaultProvinceId };
        var district = new Option<string?>("--district") { Description = "Put every device in this district (default: spread over all)" };
        var brokerOnly = new Option<bool>("--broker-only") { Description = "Against a plain MQTT broker (a baseline): no provisioning, no credentials, no latency probes" };
        var apiProbeDevices = new Option<int>("--api-probe-devices") { Description = "Twins the API probe polls (GET /api/v1/twins/{id} every 200 ms each)", DefaultValueFactory = _ => 10 };

        var command = new Command("load", "Publishes telemetry from many devices at a fixed rate and reports throughput and end-to-end latency.");
        foreach (var option in new Option[] { devices, rate, duration, warmup, qos, csv, idPrefix, province, district, brokerOnly, apiProbeDevices })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var console = common.Console;
            var (settings, problem) = Check(
                parseResult.GetValue(common.Api) ?? new Uri(CommonOptions.DefaultApi),
                parseResult.GetValue(common.Mqtt) ?? "",
                parseResult.GetValue(common.ApiKey) ?? Environment.GetEnvironmentVariable("TWIN_API_KEY"),
                parseResult.GetValue(devices),
                parseResult.GetValue(rate),
                parseResult.GetValue(duration),
                parseResult.GetValue(warmup),
                parseResult.GetValue(qos),
                parseResult.GetValue(csv),
                parseResult.GetValue(idPrefix) ?? "",
                parseResult.GetValue(province) ?? "",
                parseResult.GetValue(district),
                parseResult.GetValue(brokerOnly),
                parseResult.GetValue(apiProbeDevices));
            if (settings is null)
            {
                console.MarkupLineInterpolated($"[red]load: {problem}[/]");
                return ExitCodes.BadUsage;
            }

            LoadReport report;
            try
            {
                report = await new LoadRun(settings, console).RunAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is TwinApiException or HttpRequestException or System.Net.WebSockets.WebSocketException or TaskCanceledException)
            {
                console.MarkupLineInterpolated($"[red]load: {OneLine(e.Message)}[/]");
                return ExitCodes.Failed;
            }

            LoadReportView.Write(console, report);
            await LoadCsv.AppendAsync(settings.CsvPath, report, CancellationToken.None).ConfigureAwait(false);
            console.WriteLine($"measurements added to {settings.CsvPath}");
            if (!report.Succeeded)
            {
                console.MarkupLine(report.IsAcknowledged
                    ? "[red]load: no message was acknowledged; see the notes above.[/]"
                    : "[red]load: no message could be published; see the notes above.[/]");
                return ExitCodes.Failed;
            }

            return ExitCodes.Succeeded;
        });
        return command;
    }

    private static (LoadSettings? Settings, string Problem) Check(
        Uri api, string mqtt, string? apiKey, int devices, double rate, double duration, double warmup, int qos, string? csv,
        string idPrefix, string provinceId, string? districtId, bool brokerOnly, int apiProbeDevices)
    {
        var c = CultureInfo.InvariantCulture;
        if (devices < 1)
        {
            return (null, string.Create(c, $"--devices must be at least 1 (got {devices})."));
        }

        if (!(rate > 0) || double.IsInfinity(rate))
        {
            return (null, string.Create(c, $"--rate must be more than 0 messages a second (got {rate})."));
        }

        if (!(duration > 0) || double.IsInfinity(duration))
        {
            return (null, string.Create(c, $"--duration must be more than 0 seconds (got {duration})."));
        }

        if (!(warmup >= 0) || double.IsInfinity(warmup))
        {
            return (null, string.Create(c, $"--warmup must be 0 seconds or more (got {warmup})."));
        }

        if (qos is not (0 or 1))
        {
            return (null, string.Create(c, $"--qos must be 0 or 1 (got {qos})."));
        }

        if (apiProbeDevices < 0)
        {
            return (null, string.Create(c, $"--api-probe-devices must be 0 or more (got {apiProbeDevices})."));
        }

        if (idPrefix.Length == 0 || !idPrefix.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.'))
        {
            return (null, $"--id-prefix must be letters, digits, '-', '_' or '.' (got '{idPrefix}').");
        }

        if (!ProvinceMap.AvailableProvinceIds.Contains(provinceId))
        {
            return (null, $"--province must be one of {string.Join(", ", ProvinceMap.AvailableProvinceIds)} (got '{provinceId}').");
        }

        if (districtId is not null && ProvinceMap.Load(provinceId).FindDistrict(districtId) is null)
        {
            return (null, "--district: " + LoadLayout.UnknownDistrict(ProvinceMap.Load(provinceId), districtId));
        }

        if (!MqttAddress.TryParse(mqtt, out var address))
        {
            return (null, $"--mqtt must be host:port, e.g. localhost:1883, or a host for port 1883 (got '{mqtt}').");
        }

        if (!brokerOnly && string.IsNullOrEmpty(apiKey))
        {
            return (null, "load provisions its devices through the API: give --api-key (or TWIN_API_KEY) with the admin scope, or --broker-only.");
        }

        var path = csv ?? $"load-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", c)}.csv";
        if (LoadCsv.Check(path) is { } csvProblem)
        {
            return (null, csvProblem);
        }

        return (new LoadSettings
        {
            Api = api,
            MqttHost = address.Host,
            MqttPort = address.Port,
            ApiKey = apiKey,
            Devices = devices,
            Rate = rate,
            Duration = TimeSpan.FromSeconds(duration),
            Warmup = TimeSpan.FromSeconds(warmup),
            QualityOfService = qos == 0 ? MqttQualityOfService.AtMostOnce : MqttQualityOfService.AtLeastOnce,
            CsvPath = path,
            IdPrefix = idPrefix,
            ProvinceId = provinceId,
            DistrictId = districtId,
            BrokerOnly = brokerOnly,
            ApiProbeDevices = apiProbeDevices,
        }, "");
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
