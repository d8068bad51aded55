using SmartCity.Twin.Simulators.Commands;

namespace SmartCity.Twin.Simulators;

// Not top-level statements: tests reference both this assembly and the silo, whose Program must stay unambiguous.
internal static class SimulatorProgram
{
    public static Task<int> Main(string[] args) => SimulatorCommands.InvokeAsync(args);
}
