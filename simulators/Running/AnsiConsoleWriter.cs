using System.Text;
using Spectre.Console;

namespace SmartCity.Twin.Simulators.Running;

/// <summary>Help and parser messages into the same <see cref="IAnsiConsole"/> as everything else, so tests see them too.</summary>
internal sealed class AnsiConsoleWriter(IAnsiConsole console) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => console.Profile.Out.Writer.Write(value);

    public override void Write(string? value) => console.Profile.Out.Writer.Write(value);

    public override void WriteLine(string? value) => console.Profile.Out.Writer.WriteLine(value);
}
