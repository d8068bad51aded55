using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace SmartCity.Twin.Web.Hosting;

/// <summary>The bundle embedded in this assembly by the web project's build (resources named <c>dashboard/…</c>).</summary>
internal sealed partial class DashboardAssets
{
    private const string Prefix = "dashboard/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".mjs"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".json"] = "application/json",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
        [".woff2"] = "font/woff2",
        [".txt"] = "text/plain; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, DashboardAsset> _assets;

    private DashboardAssets(FrozenDictionary<string, DashboardAsset> assets) => _assets = assets;

    /// <summary>The dashboard's page; <c>null</c> if the assembly was built without the bundle.</summary>
    public DashboardAsset? Index => Find("index.html");

    /// <summary>The bundle embedded in this assembly.</summary>
    public static DashboardAssets Load()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (name.StartsWith(Prefix, StringComparison.Ordinal))
            {
                files[name[Prefix.Length..].Replace('\\', '/')] = Read(assembly, name);
            }
        }

        return From(files);
    }

    /// <summary>A bundle on disk (<see cref="DashboardOptions.Folder"/>).</summary>
    public static DashboardAssets Load(string folder)
    {
        var root = System.IO.Path.GetFullPath(folder);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(file => System.IO.Path.GetRelativePath(root, file).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);
        return From(files);
    }

    private static DashboardAssets From(Dictionary<string, byte[]> files)
    {
        var assets = new Dictionary<string, DashboardAsset>(StringComparer.Ordinal);
        foreach (var (path, content) in files)
        {
            if (path.EndsWith(".gz", StringComparison.Ordinal))
            {
                continue;
            }

            var extension = System.IO.Path.GetExtension(path);
            assets[path] = new DashboardAsset(
                path,
                content,
                files.GetValueOrDefault(path + ".gz"),
                ContentTypes.GetValueOrDefault(extension, "application/octet-stream"),
                $"\"{Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 12))}\"",
                Fingerprint().IsMatch(path));
        }

        return new DashboardAssets(assets.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public DashboardAsset? Find(string path) => _assets.GetValueOrDefault(path);

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>esbuild's <c>[name]-[hash]</c>: such a file never changes, so browsers may keep it for a year.</summary>
    [GeneratedRegex(@"-[A-Z0-9]{8}\.[a-z0-9]+$")]
    private static partial Regex Fingerprint();
}
