namespace SmartCity.Twin.Silo.Health;

/// <summary>
/// What <c>/healthz</c> reports. The silo is ready once every hosted service, the grain runtime among them, has
/// started and, when the demo is enabled, its province has been provisioned.
/// </summary>
internal sealed class SiloReadiness(bool demoRequired)
{
    private readonly Lock _gate = new();
    private bool _hostStarted;
    private bool _demoLoaded = !demoRequired;
    private string? _failure;

    public bool IsReady
    {
        get
        {
            lock (_gate)
            {
                return ReadyLocked();
            }
        }
    }

    /// <summary>Why the silo is or is not ready, for the health response.</summary>
    public string Describe()
    {
        lock (_gate)
        {
            return (_failure, _hostStarted, _demoLoaded) switch
            {
                ({ } failure, _, _) => failure,
                (null, false, _) => "grain runtime starting",
                (null, true, false) => "loading the demo province",
                _ => "ready",
            };
        }
    }

    /// <returns>True if this call made the silo ready, so exactly one caller announces it.</returns>
    public bool MarkHostStarted() => Mark(ref _hostStarted);

    /// <returns>True if this call made the silo ready, so exactly one caller announces it.</returns>
    public bool MarkDemoLoaded() => Mark(ref _demoLoaded);

    public void MarkFailed(string reason)
    {
        lock (_gate)
        {
            _failure = reason;
        }
    }

    private bool Mark(ref bool flag)
    {
        lock (_gate)
        {
            var before = ReadyLocked();
            flag = true;
            return !before && ReadyLocked();
        }
    }

    private bool ReadyLocked() => _hostStarted && _demoLoaded && _failure is null;
}
