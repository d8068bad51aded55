using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.Json;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Simulation.Province;
using SmartCity.Twin.Simulation.Signals;
using SmartCity.Twin.Simulators.Commands;
using SmartCity.Twin.Simulators.Transports;

namespace SmartCity.Twin.Simulators.Running;

/// <summary>The options <c>run</c> and <c>scenario run</c> share: which province, how many devices, how fast, over what.</summary>
internal sealed class RunOptions
{
    /// <summary>Where a key comes from when <c>--api-key</c> is not given.</summary>
    public const string ApiKeyVariable = "TWIN_API_KEY";

    public Option<string> Province { get; } = new("--province")
    {
        Description = $"A province whose district boundaries ship with the twin: {string.Join(", ", ProvinceMap.AvailableProvinceIds)}",
        DefaultValueFactory = _ => ProvinceMap.DefaultProvinceId,
    };

    public Option<FileInfo?> GeoJson { get; } = new("--geojson")
    {
        Description = "A GeoJSON FeatureCollection of another province's district polygons (properties id, name, province)",
    };

    public Option<int?> Cameras { get; } = Count("--cameras", "Cameras (default: modelled on the seeds, 95 in Thái Bình)");

    public Option<int?> EnvironmentSensors { get; } = Count("--environment-sensors", "Air-quality stations");

    public Option<int?> FireAlarms { get; } = Count("--fire-alarms", "Fire-alarm panels in public buildings");

    public Option<int?> Intersections { get; } = Count("--intersections", "Signalised intersections");

    public Option<int?> ServiceCounters { get; } = Count("--service-counters", "Counters at public-service centres");

    public Option<int?> Scale { get; } = Count("--scale", "Total devices, in the default proportions (up to 100,000 and more); per-kind counts override it");

    public Option<double> Speed { get; } = new("--speed")
    {
        Description = "Simulated seconds per second (at least 1); an accelerated run starts in the past and catches up with now",
        DefaultValueFactory = _ => 1,
    };

    public Option<int> Seed { get; } = new("--seed")
    {
        Description = "Same seed, same province, same start: the same readings",
        DefaultValueFactory = _ => ProvinceLayout.DefaultSeed,
    };

    public Option<DateTimeOffset?> Start { get; } = new("--start")
    {
        Description = "Simulated start, ISO 8601 (default: so that the run ends now, or now at --speed 1)",
    };

    public Option<TimeSpan?> Duration { get; } = new("--duration")
    {
        Description = $"Simulated time to run for ({DurationSyntax.Examples}); default: until Ctrl+C",
        CustomParser = ParseDuration,
    };

    public Option<DeviceTransport?> Transport { get; } = new("--transport")
    {
        Description = $"device: one MQTT connection per device; gateway: few connections for many devices (default: device up to {ProvinceRunSettings.GatewayThreshold:N0} devices)",
        CustomParser = ParseTransport,
    };

    public Option<int> DevicesPerGateway { get; } = new("--devices-per-gateway")
    {
        Description = "Devices one gateway connection speaks for",
        DefaultValueFactory = _ => ProvinceRunSettings.DefaultDevicesPerGateway,
    };

    public Option<double> HttpShare { get; } = new("--http-share")
    {
        Description = "Share of the devices (0..1) that post over HTTP ingestion instead of MQTT",
        DefaultValueFactory = _ => ProvinceRunSettings.DefaultHttpShare,
    };

    public Option<FileInfo?> Pm25Csv { get; } = new("--pm25-csv")
    {
        Description = "A CSV of real hourly PM2.5 readings to replay instead of the modelled daily cycle",
    };

    public RunOptions()
    {
        Province.Validators.Add(r =>
        {
            var id = r.GetValueOrDefault<string>();
            if (!ProvinceMap.AvailableProvinceIds.Contains(id, StringComparer.Ordinal))
            {
                r.AddError($"--province '{id}' does not ship; choose {string.Join(", ", ProvinceMap.AvailableProvinceIds)}, or give another province's districts with --geojson FILE.");
            }
        });
        Speed.Validators.Add(r =>
        {
            var speed = r.GetValueOrDefault<double>();
            if (!double.IsFinite(speed) || speed < 1)
            {
                r.AddError(string.Create(CultureInfo.InvariantCulture, $"--speed must be at least 1 (real time), not {speed}."));
            }
        });
        HttpShare.Validators.Add(r =>
        {
            var share = r.GetValueOrDefault<double>();
            if (!(share is >= 0 and <= 1))
            {
                r.AddError(string.Create(CultureInfo.InvariantCulture, $"--http-share must be between 0 and 1, not {share}."));
            }
        });
        DevicesPerGateway.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--devices-per-gateway must be at least 1.");
            }
        });
    }

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in (Option[])[
            Province, GeoJson, Cameras, EnvironmentSensors, FireAlarms, Intersections, ServiceCounters, Scale,
            Speed, Seed, Start, Duration, Transport, DevicesPerGateway, HttpShare, Pm25Csv])
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The province the options describe; throws <see cref="UsageException"/> for a GeoJSON file that cannot be read.</summary>
    public SimulatedProvince ReadProvince(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var map = ReadMap(result);
        var counts = DeviceCounts.For(map);
        if (result.GetValue(Scale) is { } scale)
        {
            counts = counts.ScaledTo(scale);
        }

        counts = new DeviceCounts(
            result.GetValue(Cameras) ?? counts.Cameras,
            result.GetValue(EnvironmentSensors) ?? counts.EnvironmentSensors,
            result.GetValue(FireAlarms) ?? counts.FireAlarms,
            result.GetValue(Intersections) ?? counts.Intersections,
            result.GetValue(ServiceCounters) ?? counts.ServiceCounters);
        if (counts.Total == 0)
        {
            throw new UsageException("The province has no devices: give at least one of --cameras, --environment-sensors, --fire-alarms, --intersections, --service-counters a positive count.");
        }

        if (counts.Problem() is { } problem)
        {
            throw new UsageException(problem);
        }

        return SimulatedProvince.Create(map, counts);
    }

    /// <summary>Whether the province comes from the boundaries that ship (and so needs their attribution shown).</summary>
    public bool UsesShippedBoundaries(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.GetValue(GeoJson) is null;
    }

    /// <summary>The run's settings; throws <see cref="UsageException"/> when there is no API key.</summary>
    public ProvinceRunSettings ReadSettings(ParseResult result, CommonOptions common)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(common);
        var key = result.GetValue(common.ApiKey);
        if (string.IsNullOrWhiteSpace(key))
        {
            key = common.Environment(ApiKeyVariable);
        }

        if (string.IsNullOrWhiteSpace(key))
        {
            throw new UsageException(
                $"No API key: pass --api-key or set {ApiKeyVariable}. A silo prints its admin key at its first start and keeps it in silo/data/admin-key.");
        }

        var mqtt = result.GetValue(common.Mqtt) ?? CommonOptions.DefaultMqtt;
        if (!MqttAddress.TryParse(mqtt, out _))
        {
            throw new UsageException($"--mqtt '{mqtt}' is not host:port (e.g. {CommonOptions.DefaultMqtt}).");
        }

        HourlyReadings? pm25 = null;
        if (result.GetValue(Pm25Csv) is { } csv)
        {
            try
            {
                pm25 = HourlyReadings.Load(csv.FullName);
            }
            catch (InvalidDataException e)
            {
                throw new UsageException($"--pm25-csv {OneLine(e.Message)}", e);
            }
        }

        return new ProvinceRunSettings
        {
            Api = result.GetValue(common.Api) ?? new Uri(CommonOptions.DefaultApi),
            Mqtt = mqtt,
            ApiKey = key.Trim(),
            Transport = result.GetValue(Transport),
            DevicesPerGateway = result.GetValue(DevicesPerGateway),
            HttpShare = result.GetValue(HttpShare),
            Speed = result.GetValue(Speed),
            Seed = result.GetValue(Seed),
            Start = result.GetValue(Start),
            Duration = result.GetValue(Duration),
            Pm25Replay = pm25,
        };
    }

    private ProvinceMap ReadMap(ParseResult result)
    {
        if (result.GetValue(GeoJson) is not { } file)
        {
            return ProvinceMap.Load(result.GetValue(Province) ?? ProvinceMap.DefaultProvinceId);
        }

        try
        {
            using var stream = file.OpenRead();
            return ProvinceMap.FromGeoJson(Path.GetFileNameWithoutExtension(file.Name), stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or JsonException or ArgumentException or FormatException)
        {
            throw new UsageException($"--geojson {file.FullName}: {OneLine(e.Message)}", e);
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static Option<int?> Count(string name, string description)
    {
        var option = new Option<int?>(name) { Description = description };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 0)
            {
                r.AddError($"{name} cannot be negative.");
            }
        });
        return option;
    }

    private static TimeSpan? ParseDuration(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
        if (DurationSyntax.TryParse(text, out var duration))
        {
            return duration;
        }

        result.AddError($"--duration '{text}' is not a positive duration ({DurationSyntax.Examples}).");
        return null;
    }

    private static DeviceTransport? ParseTransport(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
        switch (text?.ToLowerInvariant())
        {
            case "device":
                return DeviceTransport.Device;
            case "gateway":
                return DeviceTransport.Gateway;
            default:
                result.AddError($"--transport '{text}' is not a transport: device or gateway.");
                return null;
        }
    }
}
