namespace SmartCity.Twin.Runtime;

/// <summary>Creates references to grains. References are cheap; the grain is activated by its first call.</summary>
public interface IGrainFactory
{
    TGrainInterface GetGrain<TGrainInterface>(string primaryKey) where TGrainInterface : IGrainWithStringKey;
}
