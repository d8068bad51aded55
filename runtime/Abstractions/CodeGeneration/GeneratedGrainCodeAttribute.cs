using System.ComponentModel;

namespace SmartCity.Twin.Runtime.CodeGeneration;

/// <summary>Marks an assembly that holds generated grain code, so the runtime knows to run its module initializer.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GeneratedGrainCodeAttribute : Attribute;
