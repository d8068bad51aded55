using System.ComponentModel;

namespace SmartCity.Twin.Runtime.CodeGeneration;

[EditorBrowsable(EditorBrowsableState.Never)]
public interface IGrainReferenceRuntime
{
    /// <summary>Delivers the request to the grain's activation, creating it if needed. Errors complete the request; it never throws.</summary>
    void Send(GrainReference target, GrainRequest request);
}
