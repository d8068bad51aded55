namespace SmartCity.Twin.Api.History;

/// <summary>Identifies a bucket: series (twin and metric) and start in Unix seconds.</summary>
internal readonly record struct MetricBucketKey(string TwinId, string Metric, long Start);
