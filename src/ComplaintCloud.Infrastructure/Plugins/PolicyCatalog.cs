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
/// loaded again (tenants pinned to it keep it); a rejected one is tried again when its files change. A loaded
/// version's files are verified again when they change and every <see cref="VerifyInterval"/>: if its manifest or an
/// assembly no longer matches what was loaded, the version is rejected (no tenant may choose it), while tenants
/// already on it keep running the code loaded before; it is offered again once its files match again.
/// </summary>
public sealed class PolicyCatalog : IDisposable
{
    /// <summary>How often every loaded version's files are hashed again, in case a change escaped the watcher.</summary>
    public static readonly TimeSpan VerifyInterval = TimeSpan.FromMinutes(5);

    private readonly string _pluginsPath;
    private readonly ILogger<PolicyCatalog> _logger;
    private readonly Lock _scanLock = new();
    private readonly Dictionary<string, Entry> _byFolder = new(StringComparer.Ordinal);
    private readonly FileSystemWatcher? _watcher;
    private readonly Timer _verifyTimer;

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
            _watcher.Deleted += OnFolderChanged;
            _watcher.Error += OnWatcherError;
            _watcher.EnableRaisingEvents = true;
        }

        Rescan();
        if (_plugins.Count == 0)
        {
            _logger.LogWarning("No policy plugins found under {PluginsPath}.", pluginsPath);
        }

        _verifyTimer = new Timer(_ => RescanAfter(_pluginsPath, verifyAll: true), null, VerifyInterval, VerifyInterval);
    }

    /// <summary>Every plugin found, loaded or rejected, ordered by folder.</summary>
    public IReadOnlyList<PolicyPlugin> Plugins => _plugins;

    /// <summary>
    /// A plugin version whose code is loaded, by id and exact version (even one rejected since it was loaded: tenants
    /// on it keep running), or the newest version still offered when <paramref name="version"/> is null.
    /// </summary>
    public PolicyPlugin? Find(string id, string? version = null) =>
        _plugins
            .Where(p => p.Id == id && (version is null ? p.IsLoaded : p.Version == version && p.Policy is not null))
            .MaxBy(p => NuGetVersion.TryParse(p.Version, out var v) ? v : new NuGetVersion(0, 0, 0));

    /// <summary>
    /// Loads plugin folders not loaded yet, and verifies the files of loaded ones that changed (every loaded one with
    /// <paramref name="verifyAll"/>); the watcher calls it on every change in the folder, a timer every
    /// <see cref="VerifyInterval"/>, and it is safe to call at any time from any thread.
    /// </summary>
    public void Rescan(bool verifyAll = false)
    {
        lock (_scanLock)
        {
            var changed = false;
            var present = Directory.Exists(_pluginsPath)
                ? Directory.EnumerateFiles(_pluginsPath, PluginManifest.FileName, SearchOption.AllDirectories).Select(f => Path.GetDirectoryName(f)!).ToHashSet(StringComparer.Ordinal)
                : [];
            foreach (var folder in present.Concat(_byFolder.Keys).Distinct(StringComparer.Ordinal).ToList())
            {
                var known = _byFolder.GetValueOrDefault(folder);
                var stamp = StampOf(folder);
                if (known?.Stamp == stamp && !(verifyAll && known.Loaded is not null))
                {
                    continue;
                }

                var next = known?.Loaded is not null ? Verify(folder, known, stamp) : present.Contains(folder) ? Load(folder, stamp) : null;
                if (next is null)
                {
                    continue;
                }

                changed |= next.Plugin != known?.Plugin;
                _byFolder[folder] = next;
            }

            if (changed)
            {
                _plugins = [.. _byFolder.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Value.Plugin)];
            }
        }
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _verifyTimer.Dispose();
    }

    private void OnFolderChanged(object sender, FileSystemEventArgs e) => RescanAfter(e.FullPath, verifyAll: false);

    // The watcher lost events (e.g. its buffer overflowed): a full scan finds whatever they announced.
    private void OnWatcherError(object sender, ErrorEventArgs e)
    {
        _logger.LogWarning(e.GetException(), "Watching the plugin folder {PluginsPath} missed changes; scanning it again.", _pluginsPath);
        RescanAfter(_pluginsPath, verifyAll: true);
    }

    private void RescanAfter(string change, bool verifyAll)
    {
        try
        {
            Rescan(verifyAll);
        }
#pragma warning disable CA1031 // A failed scan (e.g. a folder deleted mid-scan) must not take the watcher's thread down; the next change scans again.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            _logger.LogWarning(failure, "Rescanning the plugin folder after a change to {Path} failed.", change);
        }
    }

    // What a folder looked like when it was tried or verified: a change to its files (still being copied in, or
    // tampered with) changes the stamp, and the folder is tried or verified again.
    private static string StampOf(string folder) =>
        Directory.Exists(folder)
            ? string.Join('|', new DirectoryInfo(folder).EnumerateFiles()
                .OrderBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => $"{f.Name}:{f.Length}:{f.LastWriteTimeUtc.Ticks}"))
            : "";

    private Entry Load(string folder, string stamp)
    {
        var relative = Path.GetRelativePath(_pluginsPath, folder).Replace(Path.DirectorySeparatorChar, '/');
        PluginManifest? manifest = null;
        try
        {
            var manifestBytes = File.ReadAllBytes(Path.Combine(folder, PluginManifest.FileName));
            manifest = PluginManifest.Parse(manifestBytes);
            var policy = Instantiate(folder, manifest);
            _logger.LogInformation("Loaded policy plugin {PolicyId} {Version} from {Folder}.", manifest.Id, manifest.Version, folder);
            return new Entry(PolicyPlugin.Loaded(relative, policy), stamp, new LoadedFiles(SHA256.HashData(manifestBytes), manifest));
        }
#pragma warning disable CA1031 // Any failure of a plugin rejects that plugin only; the service keeps running.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var reason = e is PluginRejectedException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            _logger.LogWarning("Rejected policy plugin in {Folder}: {Reason}", folder, reason);
            var plugin = PolicyPlugin.Rejected(
                manifest?.Id ?? Path.GetFileName(Path.GetDirectoryName(folder)) ?? folder, manifest?.Version ?? Path.GetFileName(folder), relative, reason);
            return new Entry(plugin, stamp, null);
        }
    }

    // A loaded version is never loaded again: its files are compared with those it was loaded from, and its status follows.
    private Entry Verify(string folder, Entry known, string stamp)
    {
        var mismatch = Mismatch(folder, known.Loaded!);
        var plugin = mismatch is null
            ? known.Plugin.Matching()
            : known.Plugin.NoLongerMatching(
                $"Its files changed after it was loaded: {mismatch} Tenants already on {known.Plugin.Id} {known.Plugin.Version} keep running the code " +
                "loaded before; no tenant can choose it until its files match again or it is published as a new version.");
        if (plugin.IsLoaded != known.Plugin.IsLoaded)
        {
            if (plugin.IsLoaded)
            {
                _logger.LogInformation("Policy plugin {PolicyId} {Version} in {Folder} matches its loaded files again.", plugin.Id, plugin.Version, plugin.Folder);
            }
            else
            {
                _logger.LogWarning("Rejected the loaded policy plugin {PolicyId} {Version} in {Folder}: {Reason}", plugin.Id, plugin.Version, plugin.Folder, plugin.Rejection);
            }
        }

        return known with { Plugin = plugin, Stamp = stamp };
    }

    // Why the folder no longer holds what was loaded from it, or null when it does.
    private static string? Mismatch(string folder, LoadedFiles loaded)
    {
        try
        {
            var manifestPath = Path.Combine(folder, PluginManifest.FileName);
            if (!File.Exists(manifestPath))
            {
                return "its plugin.json is gone.";
            }

            if (!SHA256.HashData(File.ReadAllBytes(manifestPath)).AsSpan().SequenceEqual(loaded.ManifestSha256))
            {
                return "its plugin.json was edited.";
            }

            foreach (var (file, expected) in loaded.Manifest.Assemblies)
            {
                VerifyHash(folder, file, expected);
            }

            return null;
        }
        catch (PluginRejectedException e)
        {
            return e.Message;
        }
        catch (IOException e)
        {
            return $"its files cannot be read ({e.Message}).";
        }
    }

    private static IComplaintPolicy Instantiate(string folder, PluginManifest manifest)
    {
        var (folderId, folderVersion) = (Path.GetFileName(Path.GetDirectoryName(folder)), Path.GetFileName(folder));
        if (folderId != manifest.Id || folderVersion != manifest.Version)
        {
            throw new PluginRejectedException(
                $"The folder {folderId}/{folderVersion} holds {manifest.Id} {manifest.Version}; a version belongs in the folder {manifest.Id}/{manifest.Version}.");
        }

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

    /// <summary>A folder as last tried or verified; <paramref name="Loaded"/> when its code was loaded.</summary>
    private sealed record Entry(PolicyPlugin Plugin, string Stamp, LoadedFiles? Loaded);

    /// <summary>The manifest a version was loaded from, which pins its assemblies' hashes.</summary>
    private sealed record LoadedFiles(byte[] ManifestSha256, PluginManifest Manifest);

    private sealed class PluginRejectedException(string message) : Exception(message);
}
