namespace SmartCity.Twin.Simulators.Tests.Warnings;

/// <summary>The hospital fire drill, played once for the tests that read what it raised and handle it as operators.</summary>
public sealed class FireDrillFixture : IAsyncLifetime
{
    private WarningDrill? drill;

    internal WarningDrill Drill => drill ?? throw new InvalidOperationException("The fire drill has not been played.");

    public async Task InitializeAsync() => drill = await WarningDrill.PlayAsync("fire-public-building", speed: 300);

    public Task DisposeAsync()
    {
        drill?.Dispose();
        return Task.CompletedTask;
    }
}
