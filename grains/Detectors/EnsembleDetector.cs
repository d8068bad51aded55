namespace SmartCity.Twin.Detectors;

/// <summary>
/// Several detectors on the same series, each watching for its own kind of anomaly: a point is anomalous when any member
/// says so; the score is the members' largest, the p-value their smallest, the martingale their largest.
/// </summary>
public sealed class EnsembleDetector : IStreamingDetector
{
    private readonly IStreamingDetector[] _members;

    public EnsembleDetector(params IStreamingDetector[] members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Length == 0 || Array.Exists(members, m => m is null))
        {
            throw new ArgumentException("An ensemble needs at least one detector and no null member.", nameof(members));
        }

        _members = members;
    }

    public IReadOnlyList<IStreamingDetector> Members => _members;

    public AnomalyScore Next(double value)
    {
        var score = 0.0;
        var anomaly = false;
        var p = 1.0;
        var martingale = 0.0;
        foreach (var member in _members)
        {
            var result = member.Next(value);
            score = Math.Max(score, result.Score);
            anomaly |= result.IsAnomaly;
            p = Math.Min(p, result.PValue);
            martingale = Math.Max(martingale, result.Martingale);
        }

        return new AnomalyScore(score, anomaly, p, martingale);
    }
}
