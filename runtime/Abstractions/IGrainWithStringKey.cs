namespace SmartCity.Twin.Runtime;

/// <summary>
/// A grain interface whose grains are identified by a string key (device ids, district ids).
/// Every method must return <see cref="Task"/>, <see cref="Task{TResult}"/>, <see cref="ValueTask"/> or
/// <see cref="ValueTask{TResult}"/>; the source generator writes the proxy and dispatcher for it.
/// </summary>
public interface IGrainWithStringKey : IGrain;
