using System.CommandLine;
using System.CommandLine.Parsing;
using Spectre.Console;

namespace SmartCity.Twin.Simulators.Commands;

/// <summary>
/// The options every command takes: where the twin's API and MQTT endpoint are, and the key to use; and the console
/// every command writes to (the terminal, or a recording one in tests).
/// </summary>
internal sealed class CommonOptions
{
    public const string DefaultApi = "http://localhost:5080";
    public const string DefaultMqtt = "localhost:1883";

    public CommonOptions(IAnsiConsole? console = null, Func<string, string?>? environment = null)
    {
        Console = console ?? TerminalOrLog();
        Environment = environment ?? System.Environment.GetEnvironmentVariable;
    }

    /// <summary>
    /// The terminal; or, when the output goes to a file or a CI log, a console without colour codes and wide enough that
    /// table cells (scenario names, ids) are not broken in the middle.
    /// </summary>
    private static IAnsiConsole TerminalOrLog()
    {
        if (!System.Console.IsOutputRedirected)
        {
            return AnsiConsole.Console;
        }

        var log = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(System.Console.Out),
        });
        log.Profile.Width = 160;
        return log;
    }

    /// <summary>Where commands write progress, tables and errors.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Reads an environment variable (e.g. <c>TWIN_API_KEY</c>); tests give their own.</summary>
    public Func<string, string?> Environment { get; }

    public Option<Uri> Api { get; } = new("--api")
    {
        Description = "The twin's API",
        DefaultValueFactory = _ => new Uri(DefaultApi),
        CustomParser = ParseApi,
        Recursive = true,
    };

    public Option<string> Mqtt { get; } = new("--mqtt")
    {
        Description = "The twin's MQTT endpoint as host:port",
        DefaultValueFactory = _ => DefaultMqtt,
        Recursive = true,
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = "An API key with the admin scope, to provision devices (default: the TWIN_API_KEY environment variable)",
        Recursive = true,
    };

    public void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Options.Add(Api);
        root.Options.Add(Mqtt);
        root.Options.Add(ApiKey);
    }

    private static Uri? ParseApi(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : DefaultApi;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        result.AddError($"--api '{text}' is not an http(s) URL (e.g. {DefaultApi}).");
        return null;
    }
}
