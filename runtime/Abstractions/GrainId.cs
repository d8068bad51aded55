namespace SmartCity.Twin.Runtime;

/// <summary>
/// The identity of a grain: its grain type (a short, stable name such as <c>camera</c>) and its key.
/// Storage and reminders key rows by <see cref="ToString"/>, so a grain type name must not change once data exists.
/// </summary>
public readonly record struct GrainId(string Type, string Key)
{
    public override string ToString() => Type + "/" + Key;

    /// <summary>Parses the form written by <see cref="ToString"/>.</summary>
    public static GrainId Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == value.Length - 1)
        {
            throw new FormatException($"'{value}' is not a grain id of the form 'type/key'.");
        }

        return new GrainId(value[..slash], value[(slash + 1)..]);
    }
}
