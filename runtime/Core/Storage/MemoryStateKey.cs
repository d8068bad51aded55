namespace SmartCity.Twin.Runtime.Storage;

internal readonly record struct MemoryStateKey(GrainId GrainId, string StateName);
