using System.ComponentModel;
using System.Text.RegularExpressions;

namespace SmartCity.Twin.Runtime.Storage;

/// <summary>Schema and table names come from options and end up in SQL text, so only plain identifiers are accepted.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class SqlIdentifier
{
    public static string Quote(string name, string optionName)
    {
        if (string.IsNullOrEmpty(name) || !PlainIdentifier().IsMatch(name))
        {
            throw new ArgumentException($"{optionName} '{name}' must be a plain identifier (letters, digits, underscore; not starting with a digit).", optionName);
        }

        return "\"" + name + "\"";
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainIdentifier();
}
