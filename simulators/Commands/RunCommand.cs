using System.CommandLine;

namespace SmartCity.Twin.Simulators.Commands;

/// <summary>`run`.</summary>
internal static class RunCommand
{
    public static Command Create(CommonOptions common)
    {
        ArgumentNullException.ThrowIfNull(common);
        return new Command("run", "Simulates a province: provisions its devices through the API and sends what they measure over MQTT and HTTP.");
    }
}
