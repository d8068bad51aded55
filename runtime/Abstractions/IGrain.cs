namespace SmartCity.Twin.Runtime;

/// <summary>Marker for every grain interface. Grains are addressed through <see cref="IGrainFactory"/>.</summary>
public interface IGrain;
