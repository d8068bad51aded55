using System.Security.Cryptography;
using SmartCity.Twin.Silo.Configuration;

namespace SmartCity.Twin.Silo.Auth;

/// <summary>
/// Resolves the admin key: <c>Auth:AdminKey</c> if set, else the key stored in the data folder, else a new one.
/// A generated key is kept so that restarts do not lock out the clients that were given it.
/// </summary>
internal static class AdminKeyStore
{
    public const string ConfigurationKey = "Auth:AdminKey";
    public const string FileName = "admin-key";

    // 32 bytes: 256 bits, far beyond guessing over HTTP.
    private const int KeyBytes = 32;

    public static AdminKeyResolution Resolve(IConfiguration configuration, string dataPath)
    {
        var configured = configuration[ConfigurationKey];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new AdminKeyResolution(configured.Trim(), AdminKeySource.Configured, null);
        }

        var path = Path.Combine(dataPath, FileName);
        if (File.Exists(path))
        {
            var stored = File.ReadAllText(path).Trim();
            if (stored.Length == 0)
            {
                throw new SiloConfigurationException(
                    $"The admin key file {path} is empty. Delete it to have a new key generated, or set {ConfigurationKey}.");
            }

            return new AdminKeyResolution(stored, AdminKeySource.Stored, path);
        }

        var key = Generate();
        Write(path, key);
        return new AdminKeyResolution(key, AdminKeySource.Generated, path);
    }

    private static string Generate()
        => Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static void Write(string path, string key)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Owner-only from the moment the file exists: the key is a credential.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, options);
        writer.WriteLine(key);
    }
}
