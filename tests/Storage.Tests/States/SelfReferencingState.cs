namespace SmartCity.Twin.Runtime.Storage.Tests.States;

/// <summary>Cannot be serialized once it points at itself: storage must refuse it rather than store something partial.</summary>
public sealed class SelfReferencingState
{
    public SelfReferencingState? Next { get; set; }
}
