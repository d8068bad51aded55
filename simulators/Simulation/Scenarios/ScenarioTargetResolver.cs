using System.Globalization;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Simulation.Province;

namespace SmartCity.Twin.Simulation.Scenarios;

/// <summary>
/// Chooses a scenario's targets in a province, in file order, the same way for the same seed. When a later target
/// cannot be met (no camera within 300 m of the chosen panel), the earlier single-device or single-district choices are
/// revisited, so a fire lands on a panel that has a camera nearby rather than failing.
/// </summary>
internal static class ScenarioTargetResolver
{
    /// <summary>Enough alternatives to find a panel with a camera nearby, few enough to stay instant at 100,000 devices.</summary>
    private const int MaxAlternatives = 200;

    private const double EarthRadiusMeters = 6_371_008.8;

    public static IReadOnlyDictionary<string, ResolvedTarget> Resolve(Scenario scenario, SimulatedProvince province, int seed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(province);
        var search = new Search(scenario, province, new Random(StableHash(scenario.Name) ^ seed));
        return search.Run();
    }

    /// <summary>Distance on the WGS 84 mean sphere (haversine), plenty for "which camera sees this building".</summary>
    public static double DistanceMeters(GeoPoint a, GeoPoint b)
    {
        var lat1 = double.DegreesToRadians(a.Latitude);
        var lat2 = double.DegreesToRadians(b.Latitude);
        var dLat = lat2 - lat1;
        var dLon = double.DegreesToRadians(b.Longitude - a.Longitude);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    // string.GetHashCode differs between processes; a scenario must choose the same devices every run.
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)hash;
    }

    private sealed class Search(Scenario scenario, SimulatedProvince province, Random random)
    {
        private readonly Dictionary<string, ResolvedTarget> chosen = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> shuffleKeys = new(StringComparer.Ordinal);
        private int deepestFailure = -1;
        private string? failure;

        public IReadOnlyDictionary<string, ResolvedTarget> Run()
        {
            // One random key per device and district, drawn up front in layout order: the choice does not depend on
            // how far the search went.
            foreach (var device in province.Devices)
            {
                shuffleKeys[device.Id] = random.Next();
            }

            foreach (var district in province.Map.Districts)
            {
                shuffleKeys["district:" + district.Id] = random.Next();
            }

            if (!Resolve(0))
            {
                throw new ScenarioException($"scenario '{scenario.Name}': cannot be played in {province.Map.Name} with {province.Devices.Count} devices: {failure}");
            }

            return new Dictionary<string, ResolvedTarget>(chosen, StringComparer.Ordinal);
        }

        private bool Resolve(int index)
        {
            if (index == scenario.Targets.Count)
            {
                return true;
            }

            var target = scenario.Targets[index];
            var options = target.IsDistrictTarget ? DistrictOptions(target) : DeviceOptions(target);
            foreach (var option in options.Take(MaxAlternatives))
            {
                chosen[target.Name] = option;
                if (Resolve(index + 1))
                {
                    return true;
                }
            }

            chosen.Remove(target.Name);
            return false;
        }

        private List<ResolvedTarget> DistrictOptions(ScenarioTarget target)
        {
            var count = target.Districts ?? 1;
            var ordered = province.Map.Districts
                .OrderByDescending(d => target.MostDevicesOf is { } kind ? province.Devices.Count(x => x.Kind == kind && x.DistrictId == d.Id) : 0)
                .ThenBy(d => shuffleKeys["district:" + d.Id])
                .ToArray();
            if (ordered.Length < count)
            {
                Fail(target, $"target '{target.Name}' needs {count} districts; the province has {ordered.Length}");
                return [];
            }

            return count == 1
                ? ordered.Select(d => new ResolvedTarget(target.Name, [], [d])).ToList()
                : [new ResolvedTarget(target.Name, [], ordered.Take(count).ToArray())];
        }

        private List<ResolvedTarget> DeviceOptions(ScenarioTarget target)
        {
            IEnumerable<SimulatedDevice> candidates = province.Devices;
            if (target.Kind is { } kind)
            {
                candidates = candidates.Where(d => d.Kind == kind);
            }

            if (target.SiteLike is { } site)
            {
                candidates = candidates.Where(d => d.Site.Contains(site, StringComparison.OrdinalIgnoreCase));
            }

            if (target.In is { } inside)
            {
                var districts = chosen[inside].Districts.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
                candidates = candidates.Where(d => districts.Contains(d.DistrictId));
            }

            if (target.NotIn is { } outside)
            {
                var districts = chosen[outside].Districts.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
                candidates = candidates.Where(d => !districts.Contains(d.DistrictId));
            }

            if (target.Except is { } except)
            {
                var excluded = chosen[except].Devices.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
                candidates = candidates.Where(d => !excluded.Contains(d.Id));
            }

            List<SimulatedDevice> ordered;
            if (target.Nearest is { } nearest)
            {
                var referent = chosen[nearest].Devices[0];
                ordered = candidates
                    .Where(d => d.Id != referent.Id)
                    .Select(d => (Device: d, Distance: DistanceMeters(d.Location, referent.Location)))
                    .Where(x => target.Within is not { } within || x.Distance <= within)
                    .OrderBy(x => x.Distance)
                    .ThenBy(x => x.Device.Id, StringComparer.Ordinal)
                    .Select(x => x.Device)
                    .ToList();
            }
            else
            {
                ordered = candidates.OrderBy(d => shuffleKeys[d.Id]).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
            }

            var count = target.Count ?? Math.Max(1, ordered.Count);
            if (ordered.Count < count)
            {
                Fail(target, ordered.Count == 0
                    ? $"target '{target.Name}' matches no device ({Describe(target)})"
                    : $"target '{target.Name}' needs {count} devices but matches {ordered.Count} ({Describe(target)})");
                return [];
            }

            if (count == 1 && target.Nearest is null)
            {
                return ordered.Select(d => new ResolvedTarget(target.Name, [d], [])).ToList();
            }

            // Keep the layout order (not the shuffle) within a multi-device target: tables and ground truth read better.
            var picked = ordered.Take(count).ToHashSet();
            var devices = target.Nearest is null ? province.Devices.Where(picked.Contains).ToArray() : ordered.Take(count).ToArray();
            return [new ResolvedTarget(target.Name, devices, [])];
        }

        private void Fail(ScenarioTarget target, string reason)
        {
            var index = scenario.Targets.ToList().IndexOf(target);
            if (index >= deepestFailure)
            {
                deepestFailure = index;
                failure = reason;
            }
        }

        private string Describe(ScenarioTarget target)
        {
            var parts = new List<string> { target.Kind?.ToName() ?? "any kind" };
            if (target.SiteLike is not null)
            {
                parts.Add($"site like '{target.SiteLike}'");
            }

            if (target.In is not null)
            {
                parts.Add($"in {string.Join("/", chosen[target.In].Districts.Select(d => d.Name))}");
            }

            if (target.NotIn is not null)
            {
                parts.Add($"outside {string.Join("/", chosen[target.NotIn].Districts.Select(d => d.Name))}");
            }

            if (target.Nearest is not null)
            {
                var referent = chosen[target.Nearest].Devices[0];
                parts.Add(target.Within is { } within
                    ? string.Create(CultureInfo.InvariantCulture, $"within {within:0} m of {referent.Id}")
                    : $"nearest to {referent.Id}");
            }

            return string.Join(", ", parts);
        }
    }
}
