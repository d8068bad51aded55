using System.ComponentModel;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SmartCity.Twin.Runtime.Storage;

/// <summary>
/// The one JSON format of grain state, shared by every storage provider so that state written by one provider
/// reads back identically from another (and from the in-memory provider used in tests).
/// Public properties only (no fields), camelCase names, enums as strings, dictionary keys unchanged.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GrainStateJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize<TState>(TState state) => JsonSerializer.Serialize(state, Options);

    /// <summary>Reads stored state; a stored JSON <c>null</c> reads as <see cref="CreateEmpty{TState}"/>.</summary>
    public static TState Deserialize<TState>(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize<TState>(json, Options) ?? CreateEmpty<TState>();
    }

    /// <summary>The state of a grain that has no stored row: a default-constructed <typeparamref name="TState"/>.</summary>
    public static TState CreateEmpty<TState>()
    {
        try
        {
            return Activator.CreateInstance<TState>();
        }
        catch (MissingMethodException ex)
        {
            throw new InvalidOperationException(
                $"Grain state type {typeof(TState)} needs a public parameterless constructor so that a grain without stored state can start empty.",
                ex);
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            // Reflection must stay available even if a host disables it by default: state types are not known here.
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),

            // Storage is not HTML: keep Vietnamese and other non-ASCII text readable and compact in the database.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,

            // Sensor readings can legitimately be NaN or infinite; failing the grain's write for that would lose data.
            NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };

        // Strings survive renumbering of enum members; integers would silently change meaning.
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly();
        return options;
    }
}
