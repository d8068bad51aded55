namespace SmartCity.Twin.Grains.Warnings.Sustained;

/// <summary>What one reading did to a <see cref="SustainedCondition"/>.</summary>
public enum SustainedTransition
{
    /// <summary>Nothing to tell: still inactive, or still active.</summary>
    None,

    /// <summary>The condition has now held long enough: raise, with its onset at <see cref="SustainedCondition.HeldSince"/>.</summary>
    Began,

    /// <summary>The condition has now been over long enough: clear.</summary>
    Ended,
}
