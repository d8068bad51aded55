using SmartCity.Twin.Runtime.CodeGeneration;

namespace SmartCity.Twin.Runtime.Activation;

/// <summary>Work the runtime itself queues on an activation (activate, deactivate, timer ticks): never interleaves, does not count as use.</summary>
internal abstract class ActivationWorkItem : GrainRequest
{
    internal override bool Fail(Exception exception) => true;
}
