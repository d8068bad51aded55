namespace SmartCity.Twin.Grains.Warnings.Sustained;

/// <summary>
/// A condition on a device's readings that must hold for a while before it counts, and be over for a while before it
/// stops counting, by the readings' own timestamps: one noisy reading neither raises nor clears. Part of a twin's
/// persisted state (public properties only), so it keeps counting across a restart.
/// </summary>
public sealed class SustainedCondition
{
    /// <summary>Timestamp of the first reading of the current unbroken run in which the condition holds; <c>null</c> outside one.</summary>
    public DateTimeOffset? HeldSince { get; set; }

    /// <summary>While active: timestamp of the first reading of the current run in which it no longer holds.</summary>
    public DateTimeOffset? OverSince { get; set; }

    public bool IsActive { get; set; }

    /// <summary>The newest reading taken into account; older ones arriving late are ignored.</summary>
    public DateTimeOffset? LastAt { get; set; }

    /// <summary>
    /// Takes one reading: whether the condition <paramref name="holds"/> at <paramref name="at"/>. It becomes active
    /// once it has held from <see cref="HeldSince"/> for at least <paramref name="raiseAfter"/>, and inactive once it
    /// has not held for at least <paramref name="clearAfter"/>.
    /// </summary>
    public SustainedTransition Update(bool holds, DateTimeOffset at, TimeSpan raiseAfter, TimeSpan clearAfter)
    {
        if (LastAt is { } last && at < last)
        {
            return SustainedTransition.None;
        }

        LastAt = at;
        if (holds)
        {
            OverSince = null;
            HeldSince ??= at;
            if (!IsActive && at - HeldSince.Value >= raiseAfter)
            {
                IsActive = true;
                return SustainedTransition.Began;
            }

            return SustainedTransition.None;
        }

        if (!IsActive)
        {
            HeldSince = null;
            return SustainedTransition.None;
        }

        OverSince ??= at;
        if (at - OverSince.Value >= clearAfter)
        {
            IsActive = false;
            HeldSince = null;
            OverSince = null;
            return SustainedTransition.Ended;
        }

        return SustainedTransition.None;
    }

    /// <summary>Forgets everything, e.g. when a sensor fault makes the readings meaningless.</summary>
    public void Reset()
    {
        HeldSince = null;
        OverSince = null;
        IsActive = false;
    }
}
