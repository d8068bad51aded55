namespace SmartCity.Twin.Simulators.Detection;

/// <summary>A series file that cannot be read as <c>timestamp,value</c>: the message names the file and the line.</summary>
internal sealed class SeriesFormatException : Exception
{
    public SeriesFormatException()
    {
    }

    public SeriesFormatException(string message)
        : base(message)
    {
    }

    public SeriesFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SeriesFormatException(string file, long line, string problem)
        : base($"{file}, line {line}: {problem}")
    {
    }
}
