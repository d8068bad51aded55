using System.CommandLine;

namespace SmartCity.Twin.Simulators.Commands;

/// <summary>`scenario`.</summary>
internal static class ScenarioCommand
{
    public static Command Create(CommonOptions common)
    {
        ArgumentNullException.ThrowIfNull(common);
        return new Command("scenario", "Scripted drills with ground truth: list, run.");
    }
}
