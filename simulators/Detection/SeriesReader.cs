using System.Globalization;

namespace SmartCity.Twin.Simulators.Detection;

/// <summary>
/// Reads a <c>timestamp,value</c> CSV one row at a time: a header row, then rows in time order. A timestamp is an ISO 8601
/// date-time or a number (Unix seconds, a sample index); the first row decides which, and every later row must not be
/// earlier. Anything else is a <see cref="SeriesFormatException"/> naming the file and the line.
/// </summary>
internal sealed class SeriesReader : IDisposable
{
    public const string Header = "timestamp,value";

    private readonly TextReader reader;
    private readonly string name;
    private long line;
    private bool? numericTime;
    private double lastNumber = double.NegativeInfinity;
    private DateTimeOffset lastTime = DateTimeOffset.MinValue;

    /// <param name="name">How errors name the file (its path as the user gave it).</param>
    public SeriesReader(TextReader reader, string name)
    {
        this.reader = reader;
        this.name = name;
        ReadHeader();
    }

    public static SeriesReader Open(string path, string name) =>
        new(new StreamReader(path, detectEncodingFromByteOrderMarks: true), name);

    /// <returns><c>false</c> at the end of the file (blank lines are skipped).</returns>
    public bool TryRead(out SeriesPoint point)
    {
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var comma = text.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0 || text.IndexOf(',', comma + 1) >= 0)
            {
                throw Problem($"expected two columns, timestamp,value; got '{Shorten(text)}'");
            }

            var timestamp = text[..comma];
            var valueText = text[(comma + 1)..].Trim();
            if (!double.TryParse(Unquote(valueText), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw Problem($"the value '{Shorten(valueText)}' is not a number (use a dot for decimals)");
            }

            CheckOrder(timestamp);
            point = new SeriesPoint(timestamp, valueText, value, line);
            return true;
        }

        point = default;
        return false;
    }

    public void Dispose() => reader.Dispose();

    private void ReadHeader()
    {
        var header = reader.ReadLine();
        line = 1;
        if (header is null)
        {
            throw Problem($"the file is empty; expected the header '{Header}'");
        }

        var columns = header.Trim().TrimStart('\uFEFF').Replace(" ", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal);
        if (!columns.Equals(Header, StringComparison.OrdinalIgnoreCase))
        {
            throw Problem($"the header is '{Shorten(header)}'; expected '{Header}'");
        }
    }

    private void CheckOrder(string timestamp)
    {
        var text = Unquote(timestamp.Trim());
        var isNumber = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number);
        DateTimeOffset time = default;
        if (!isNumber && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time))
        {
            throw Problem($"the timestamp '{Shorten(timestamp)}' is neither an ISO 8601 date-time nor a number");
        }

        numericTime ??= isNumber;
        if (numericTime != isNumber)
        {
            throw Problem($"the timestamp '{Shorten(timestamp)}' is {(isNumber ? "a number" : "a date-time")} but the series began with {(isNumber ? "date-times" : "numbers")}");
        }

        if (isNumber ? number < lastNumber : time < lastTime)
        {
            throw Problem($"the timestamp '{Shorten(timestamp)}' is earlier than the row before; rows must be in time order");
        }

        lastNumber = number;
        lastTime = time;
    }

    private SeriesFormatException Problem(string problem) => new(name, line, problem);

    private static string Unquote(string text) =>
        text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1] : text;

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
