using System.ComponentModel;

namespace SmartCity.Twin.Runtime.CodeGeneration;

[Flags]
[EditorBrowsable(EditorBrowsableState.Never)]
public enum RequestFlags
{
    None = 0,
    OneWay = 1,
    ReadOnly = 2,
    AlwaysInterleave = 4,
}
