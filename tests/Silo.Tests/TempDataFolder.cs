namespace SmartCity.Twin.Silo.Tests;

/// <summary>A fresh data folder per test, removed afterwards.</summary>
internal sealed class TempDataFolder : IDisposable
{
    public TempDataFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "smartcity-twin-silo-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string AdminKeyFile => System.IO.Path.Combine(Path, "admin-key");

    public string ReadAdminKey() => File.ReadAllText(AdminKeyFile).Trim();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a failing cleanup must not fail the test.
        }
    }
}
