using SmartCity.Twin.Grains.Observation;

namespace SmartCity.Twin.Api.Twins;

/// <summary>
/// Every device twin the silo knows, as its latest <see cref="DeviceTwinSummary"/>, kept current by the twins'
/// change feed and loaded from storage at startup. Answers list, map and live-feed queries without calling grains.
/// Thread-safe; a query sees each twin either before or after a concurrent change, never half of one.
/// </summary>
internal interface ITwinDirectory
{
    /// <summary>Twins currently known.</summary>
    int Count { get; }

    /// <summary>Completes when the startup load from storage is done; queries before that see only what changed since start.</summary>
    Task Loaded { get; }

    /// <summary>
    /// <c>true</c> once the startup load read every stored twin: from then on, an id the directory does not know has
    /// never been provisioned nor heard from (or was deleted), so there is no twin to look for.
    /// </summary>
    bool IsComplete { get; }

    DeviceTwinSummary? Find(string id);

    /// <summary>
    /// The twins matching <paramref name="filter"/> with an id greater (ordinal) than <paramref name="afterId"/>,
    /// in ordinal id order, at most <paramref name="limit"/>. Keyset paging by id neither skips nor repeats a twin
    /// that exists for the whole traversal, whatever is added meanwhile.
    /// </summary>
    IReadOnlyList<DeviceTwinSummary> Query(TwinFilter filter, string? afterId, int limit);
}
