namespace SmartCity.Twin.Runtime.Storage;

/// <summary>One stored grain state, as <see cref="IGrainStateCatalog"/> lists it.</summary>
public sealed record StoredGrainState<TState>(GrainId GrainId, TState State);
