namespace SmartCity.Twin.Runtime.Activation;

internal sealed class ActivateRequest(GrainActivation activation) : ActivationWorkItem
{
    public override string MethodName => "Activate";

    internal override ValueTask Execute(object grain) => activation.ActivateAsync();
}
