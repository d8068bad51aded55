using SmartCity.Twin.Runtime.CodeGeneration;

namespace SmartCity.Twin.Runtime.Activation;

/// <summary>
/// The request whose turn is running, flowing with that turn's own continuations. When a grain interleaves turns
/// (reentrant, read-only), a call made after an await takes its call chain from the turn that made it, not from
/// whichever turn started last. One-way and runtime turns leave it empty, which costs nothing when it already is.
/// </summary>
internal static class TurnContext
{
    private static readonly AsyncLocal<ResponseRequest?> current = new();

    public static ResponseRequest? Current
    {
        get => current.Value;
        set => current.Value = value;
    }
}
