using System.Security.Cryptography;
using ComplaintCloud.Plugins.Abstractions;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.Logging;
using NuGet.Versioning;

namespace ComplaintCloud.Infrastructure.Plugins;

/// <summary>
/// The policy plugins found under the plugin folder, one folder per plugin version (&lt;id&gt;/&lt;version&gt;/plugin.json).
/// Each is loaded into its own load context sharing only the contract, so two versions of one plugin run side by
/// side; a plugin that fails any check is kept as rejected with the reason, and the service goes on without it.
/// The folder is watched: a version dropped in later is picked up without a restart. A loaded folder is never
/// loaded again (tenants pinned to it keep it); a rejected one is tried again when its files change.
/// </summary>
public sealed class PolicyCatalog : IDisposable
{
    private readonly string _pluginsPath;
    private readonly ILogger<PolicyCatalog> _logger;
    private readonly Lock _scanLock = new();
    private readonly Dictionary<string, Entry> _byFolder = new(StringComparer.Ordinal);
    private readonly FileSystemWatcher? _watcher;

    // Readers never lock: each scan publishes a new immutable list.
    private volatile IReadOnlyList<PolicyPlugin> _plugins = [];

    public PolicyCatalog(string pluginsPath, ILogger<PolicyCatalog> logger)
    {
        _pluginsPath = pluginsPath;
        _logger = logger;
        if (Directory.Exists(pluginsPath))
        {
            _watcher = new FileSystemWatcher(pluginsPath)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            _watcher.Created += OnFolderChanged;
            _watcher.Changed += OnFolderChanged;
            _watcher.Renamed += OnFolderChanged;
            _watcher.Error += OnWatcherError;
            _watcher.EnableRaisingEvents = true;
        }

        Rescan();
        if (_plugins.Count == 0)
        {
            _logger.LogWarning("No policy plugins found under {PluginsPath}.", pluginsPath);
        }
    }

    /// <summary>Every plugin found, loaded or rejected, ordered by folder.</summary>
    public IReadOnlyList<PolicyPlugin> Plugins => _plugins;

    /// <summary>A loaded plugin by id and exact version, or its newest loaded version when <paramref name="version"/> is null.</summary>
    public PolicyPlugin? Find(string id, string? version = null) =>
        _plugins
            .Where(p => p.IsLoaded && p.Id == id && (version is null || p.Version == version))
            .MaxBy(p => NuGetVersion.TryParse(p.Version, out var v) ? v : new NuGetVersion(0, 0, 0));

    /// <summary>
    /// Looks for plugin folders not loaded yet and loads them; the watcher calls it on every change in the folder, and
    /// it is safe to call at any time from any thread.
    /// </summary>
    public void Rescan()
    {
        if (!Directory.Exists(_pluginsPath))
        {
            return;
        }

        lock (_scanLock)
        {
            var changed = false;
            foreach (var manifest in Directory.EnumerateFiles(_pluginsPath, PluginManifest.FileName, SearchOption.AllDirectories))
            {
                var folder = Path.GetDirectoryName(manifest)!;
                if (_byFolder.TryGetValue(folder, out var known) && known.Plugin.IsLoaded)
                {
                    continue;
                }

                var stamp = StampOf(folder);
                if (known?.Stamp == stamp)
                {
                    continue;
                }

                _byFolder[folder] = new Entry(Load(folder), stamp);
                changed = true;
            }

            if (changed)
            {
                _plugins = [.. _byFolder.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Value.Plugin)];
            }
        }
    }

    public void Dispose() => _watcher?.Dispose();

    private void OnFolderChanged(object sender, FileSystemEventArgs e) => RescanAfter(e.FullPath);

    // The watcher lost events (e.g. its buffer overflowed): a full scan finds whatever they announced.
    private void OnWatcherError(object sender, ErrorEventArgs e)
    {
        _logger.LogWarning(e.GetException(), "Watching the plugin folder {PluginsPath} missed changes; scanning it again.", _pluginsPath);
        RescanAfter(_pluginsPath);
    }

    private void RescanAfter(string change)
    {
        try
        {
            Rescan();
        }
#pragma warning disable CA1031 // A failed scan (e.g. a folder deleted mid-scan) must not take the watcher's thread down; the next change scans again.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            _logger.LogWarning(failure, "Rescanning the plugin folder after a change to {Path} failed.", change);
        }
    }

    // What a rejected folder looked like when it was tried: files still being copied in change it, and it is tried again.
    private static string StampOf(string folder) =>
        string.Join('|', new DirectoryInfo(folder).EnumerateFiles()
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => $"{f.Name}:{f.Length}:{f.LastWriteTimeUtc.Ticks}"));

    private PolicyPlugin Load(string folder)
    {
        PluginManifest? manifest = null;
        try
        {
            manifest = PluginManifest.Read(Path.Combine(folder, PluginManifest.FileName));
            var policy = Instantiate(folder, manifest);
            _logger.LogInformation("Loaded policy plugin {PolicyId} {Version} from {Folder}.", manifest.Id, manifest.Version, folder);
            return PolicyPlugin.Loaded(folder, policy);
        }
#pragma warning disable CA1031 // Any failure of a plugin rejects that plugin only; the service keeps running.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var reason = e is PluginRejectedException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            _logger.LogWarning("Rejected policy plugin in {Folder}: {Reason}", folder, reason);
            return PolicyPlugin.Rejected(manifest?.Id ?? Path.GetFileName(Path.GetDirectoryName(folder)) ?? folder, manifest?.Version ?? Path.GetFileName(folder), folder, reason);
        }
    }

    private static IComplaintPolicy Instantiate(string folder, PluginManifest manifest)
    {
        if (!VersionRange.TryParse(manifest.Contract, out var range))
        {
            throw new PluginRejectedException($"The contract range '{manifest.Contract}' is not a version range.");
        }

        var contract = new NuGetVersion(PolicyContract.Version);
        if (!range.Satisfies(contract))
        {
            throw new PluginRejectedException($"The plugin needs contract {manifest.Contract}; this service offers {contract}.");
        }

        if (!manifest.Assemblies.ContainsKey(manifest.EntryAssembly))
        {
            throw new PluginRejectedException($"The entry assembly {manifest.EntryAssembly} has no hash in the manifest.");
        }

        foreach (var (file, expected) in manifest.Assemblies)
        {
            VerifyHash(folder, file, expected);
        }

        var loader = PluginLoader.CreateFromAssemblyFile(
            Path.Combine(folder, manifest.EntryAssembly),
            sharedTypes: [typeof(IComplaintPolicy)]);
        var policyTypes = loader.LoadDefaultAssembly().GetExportedTypes()
            .Where(t => typeof(IComplaintPolicy).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .ToList();
        if (policyTypes.Count != 1)
        {
            throw new PluginRejectedException($"The entry assembly must export exactly one IComplaintPolicy; it exports {policyTypes.Count}.");
        }

        var policy = (IComplaintPolicy)Activator.CreateInstance(policyTypes[0])!;
        if (policy.Descriptor.Id != manifest.Id || policy.Descriptor.Version != manifest.Version)
        {
            throw new PluginRejectedException(
                $"The manifest says {manifest.Id} {manifest.Version} but the policy says {policy.Descriptor.Id} {policy.Descriptor.Version}.");
        }

        return policy;
    }

    private static void VerifyHash(string folder, string file, string expected)
    {
        var path = Path.GetFullPath(Path.Combine(folder, file));
        if (!path.StartsWith(Path.GetFullPath(folder), StringComparison.Ordinal) || !File.Exists(path))
        {
            throw new PluginRejectedException($"The assembly {file} named in the manifest is not in the plugin folder.");
        }

        using var stream = File.OpenRead(path);
        var actual = Convert.ToHexString(SHA256.HashData(stream));
        if (!actual.Equals(expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new PluginRejectedException($"The SHA-256 of {file} does not match the manifest: the assembly was changed after it was signed off.");
        }
    }

    private sealed record Entry(PolicyPlugin Plugin, string Stamp);

    private sealed class PluginRejectedException(string message) : Exception(message);
}
