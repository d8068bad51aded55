using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Devices.Cameras;
using SmartCity.Twin.Grains.Devices.FireAlarms;
using SmartCity.Twin.Grains.Devices.ServiceCounters;
using SmartCity.Twin.Runtime;
using SmartCity.Twin.Simulators.Commands;
using SmartCity.Twin.Simulators.Drills;
using SmartCity.Twin.Simulators.Running;
using Spectre.Console;

namespace SmartCity.Twin.Simulators.Tests.Scenarios;

/// <summary>
/// Plays a scenario through the real <c>scenario run … --check</c> command against an in-process silo, and at each
/// moment its ground truth speaks of (the simulation holding still) reads every twin concerned: through the API as a
/// user would, and through its grain for what the API does not show (panel state, officer presence, camera events).
/// </summary>
internal sealed class DrillHarness : IDisposable
{
    private readonly InProcessSilo silo = new();
    private readonly StringWriter output = new();
    private readonly string folder = Path.Combine(Path.GetTempPath(), "twin-drills-" + Guid.NewGuid().ToString("N"));

    public string Output => output.ToString();

    /// <summary>The silo the drill plays against: its API, for reading what the twins raised.</summary>
    public InProcessSilo Silo => silo;

    public string GroundTruthPath => Path.Combine(folder, "truth.json");

    /// <summary>Twins as seen at each checkpoint, by offset from the scenario's start and twin id.</summary>
    public Dictionary<(TimeSpan Offset, string Id), TwinView> Seen { get; } = [];

    /// <summary>Alone (only the scenario's cast), as the acceptance tests play it.</summary>
    public Task<int> RunAsync(string scenario, double speed, params string[] more) => RunAsync(scenario, speed, alone: true, more);

    public async Task<int> RunAsync(string scenario, double speed, bool alone, params string[] more)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 220;
        var common = new CommonOptions(console);
        var root = new RootCommand("drills under test");
        common.AddTo(root);
        root.Subcommands.Add(ScenarioCommand.Create(common, ObserveAsync));
        string[] args =
        [
            "scenario", "run", scenario, "--check", .. alone ? (string[])["--alone"] : [],
            "--api", silo.ApiUrl, "--mqtt", silo.MqttAddress, "--api-key", InProcessSilo.AdminKey,
            "--speed", speed.ToString(CultureInfo.InvariantCulture), "--ground-truth", GroundTruthPath, .. more,
        ];
        var parsed = root.Parse(args);
        Assert.Empty(parsed.Errors);
        using var writer = new AnsiConsoleWriter(console);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = writer, Error = writer }, timeout.Token);
    }

    public TwinView At(TimeSpan offset, string id) =>
        Seen.TryGetValue((offset, id), out var view) ? view : throw new InvalidOperationException($"{id} was not read at +{offset}; read: {string.Join(", ", Seen.Keys)}");

    /// <summary>The twin ids (or district ids) the ground truth file gives for a target.</summary>
    public IReadOnlyList<string> Target(string name) =>
        GroundTruth().GetProperty("targets").GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToArray();

    public JsonElement GroundTruth()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(GroundTruthPath));
        return document.RootElement.Clone();
    }

    public void Dispose()
    {
        silo.Dispose();
        output.Dispose();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task ObserveAsync(DrillCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        using var http = silo.CreateAdminClient();
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        foreach (var device in checkpoint.Expectations.Select(e => e.Device).Distinct())
        {
            using var response = await http.GetAsync(new Uri($"api/v1/twins/{device.Id}", UriKind.Relative), cancellationToken);
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var view = new TwinView(json.RootElement.Clone())
            {
                Panel = device.Kind == DeviceKind.FireAlarm ? await grains.GetGrain<IFireAlarmTwin>(device.Id).GetPanelStatus() : null,
                Officer = device.Kind == DeviceKind.ServiceCounter ? await grains.GetGrain<IServiceCounterTwin>(device.Id).GetOfficerPresence() : null,
                Events = device.Kind == DeviceKind.Camera ? await grains.GetGrain<ICameraTwin>(device.Id).GetRecentEvents() : [],
            };
            Seen[(checkpoint.Offset, device.Id)] = view;
        }
    }
}
