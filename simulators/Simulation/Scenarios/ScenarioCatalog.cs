namespace SmartCity.Twin.Simulation.Scenarios;

/// <summary>
/// The scenarios that ship with the simulators (embedded <c>Library/*.json</c>), found by name; or a scenario file of
/// one's own, by path.
/// </summary>
internal static class ScenarioCatalog
{
    private const string ResourcePrefix = "scenarios/";

    private static readonly Lazy<IReadOnlyList<Scenario>> Library = new(LoadLibrary);

    /// <summary>The built-in scenarios, by name.</summary>
    public static IReadOnlyList<Scenario> BuiltIn => Library.Value;

    public static Scenario? Find(string name) => BuiltIn.FirstOrDefault(s => s.Name == name);

    /// <summary>
    /// A built-in scenario by name, or a file when <paramref name="nameOrPath"/> ends in <c>.json</c> or names an
    /// existing file. Throws <see cref="ScenarioException"/> naming the choices when it is neither.
    /// </summary>
    public static Scenario Load(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        if (Find(nameOrPath) is { } builtIn)
        {
            return builtIn;
        }

        var looksLikeFile = nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || nameOrPath.Contains('/', StringComparison.Ordinal) || nameOrPath.Contains('\\', StringComparison.Ordinal);
        if (!looksLikeFile && !File.Exists(nameOrPath))
        {
            throw new ScenarioException(
                $"Unknown scenario '{nameOrPath}': the scenarios are {string.Join(", ", BuiltIn.Select(s => s.Name))} (or give the path of a .json scenario file).");
        }

        try
        {
            using var stream = File.OpenRead(nameOrPath);
            return ScenarioReader.Read(nameOrPath, stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException($"scenario '{nameOrPath}': cannot be read: {e.Message}", e);
        }
    }

    private static IReadOnlyList<Scenario> LoadLibrary()
    {
        var assembly = typeof(ScenarioCatalog).Assembly;
        var scenarios = new List<Scenario>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            scenarios.Add(ScenarioReader.Read(resource[ResourcePrefix.Length..], stream));
        }

        return scenarios;
    }
}
