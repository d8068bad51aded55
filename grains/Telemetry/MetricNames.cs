using System.Collections.Concurrent;

namespace SmartCity.Twin.Grains.Telemetry;

/// <summary>
/// Validates metric (and warning type) names and shares one string instance per name across all twins, so a million
/// twins reporting <c>pm2_5</c> hold one string, not a million. The pool is bounded: past <see cref="MaxPooledNames"/>
/// distinct names (a misbehaving gateway inventing names), names are still accepted but no longer pooled.
/// </summary>
public static class MetricNames
{
    public const int MaxLength = 64;
    internal const int MaxPooledNames = 4096;

    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);

    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    internal static string Intern(string name)
    {
        if (Pool.TryGetValue(name, out var pooled))
        {
            return pooled;
        }

        return Pool.Count < MaxPooledNames ? Pool.GetOrAdd(name, name) : name;
    }
}
