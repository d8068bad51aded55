namespace SmartCity.Twin.Runtime.Activation;

internal sealed class DeactivateRequest(GrainActivation activation, DeactivationReason reason) : ActivationWorkItem
{
    private readonly TaskCompletionSource completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override string MethodName => "Deactivate";

    public Task Completion => completion.Task;

    internal override async ValueTask Execute(object grain)
    {
        try
        {
            await activation.DeactivateAsync(reason);
        }
        finally
        {
            completion.TrySetResult();
        }
    }

    internal override bool Fail(Exception exception)
    {
        completion.TrySetResult();
        return true;
    }
}
