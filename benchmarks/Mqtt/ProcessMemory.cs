using System.Globalization;

namespace SmartCity.Twin.Benchmarks.Mqtt;

/// <summary>Reads a process's resident set from /proc, which also works for processes that are not .NET (mosquitto).</summary>
internal static class ProcessMemory
{
    public static long ResidentBytes(int processId)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return long.Parse(parts[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }
}
