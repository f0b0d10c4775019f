using System.Security.Cryptography;
using ComplaintCloud.Plugins.Abstractions;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.Logging;
using NuGet.Versioning;

namespace ComplaintCloud.Infrastructure.Plugins;

/// <summary>
/// The policy plugins found under the plugin folder, one folder per plugin version (&lt;id&gt;/&lt;version&gt;/plugin.json).
/// Each is loaded into its own load context sharing only the contract; a plugin that fails any check is kept
/// as rejected with the reason, and the service goes on without it.
/// </summary>
public sealed class PolicyCatalog
{
    private readonly ILogger<PolicyCatalog> _logger;
    private readonly List<PolicyPlugin> _plugins;

    public PolicyCatalog(string pluginsPath, ILogger<PolicyCatalog> logger)
    {
        _logger = logger;
        _plugins = Directory.Exists(pluginsPath)
            ? Directory.EnumerateFiles(pluginsPath, PluginManifest.FileName, SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .Select(manifest => Load(Path.GetDirectoryName(manifest)!))
                .ToList()
            : [];
        if (_plugins.Count == 0)
        {
            _logger.LogWarning("No policy plugins found under {PluginsPath}.", pluginsPath);
        }
    }

    /// <summary>Every plugin found, loaded or rejected.</summary>
    public IReadOnlyList<PolicyPlugin> Plugins => _plugins;

    /// <summary>A loaded plugin by id and exact version, or its newest loaded version when <paramref name="version"/> is null.</summary>
    public PolicyPlugin? Find(string id, string? version = null) =>
        _plugins
            .Where(p => p.IsLoaded && p.Id == id && (version is null || p.Version == version))
            .MaxBy(p => NuGetVersion.TryParse(p.Version, out var v) ? v : new NuGetVersion(0, 0, 0));

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

    private sealed class PluginRejectedException(string message) : Exception(message);
}
