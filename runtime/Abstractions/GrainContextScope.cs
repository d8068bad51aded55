using System.ComponentModel;

namespace SmartCity.Twin.Runtime;

/// <summary>
/// The context of the grain being constructed on this thread. The runtime sets it around the generated
/// activator so that <see cref="Grain"/>'s constructor can pick it up without a constructor parameter.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GrainContextScope
{
    [ThreadStatic]
    private static IGrainContext? constructing;

    public static IGrainContext? Constructing
    {
        get => constructing;
        set => constructing = value;
    }
}
