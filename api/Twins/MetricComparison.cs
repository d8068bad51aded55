namespace SmartCity.Twin.Api.Twins;

/// <summary>Operators of <see cref="MetricCondition"/>, written <c>lt</c>, <c>lte</c>, <c>eq</c>, <c>gte</c>, <c>gt</c>.</summary>
internal enum MetricComparison
{
    LessThan,
    LessThanOrEqual,
    Equal,
    GreaterThanOrEqual,
    GreaterThan,
}
