namespace SmartCity.Twin.Api.Twins;

/// <summary>A condition on a metric's latest value, written in a query as <c>metric:op:value</c>, e.g. <c>pm2_5:gt:50</c>.</summary>
internal sealed record MetricCondition(string Metric, MetricComparison Comparison, double Value)
{
    public bool IsMetBy(double value) => Comparison switch
    {
        MetricComparison.LessThan => value < Value,
        MetricComparison.LessThanOrEqual => value <= Value,
        MetricComparison.Equal => value == Value,
        MetricComparison.GreaterThanOrEqual => value >= Value,
        MetricComparison.GreaterThan => value > Value,
        _ => false,
    };
}
