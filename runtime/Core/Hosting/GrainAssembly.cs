using System.Reflection;

namespace SmartCity.Twin.Runtime.Hosting;

/// <summary>An assembly whose grains the silo hosts even if the entry assembly does not reference it.</summary>
internal sealed record GrainAssembly(Assembly Assembly);
