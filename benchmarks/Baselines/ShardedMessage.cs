using SmartCity.Twin.Benchmarks.Workloads;

namespace SmartCity.Twin.Benchmarks.Baselines;

/// <summary>A message of the sharded baseline: it carries the entity, since one channel serves many entities.</summary>
internal readonly record struct ShardedMessage(ShardEntity Entity, TelemetryMessage Message);
