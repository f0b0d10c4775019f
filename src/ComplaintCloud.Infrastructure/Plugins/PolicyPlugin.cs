using ComplaintCloud.Plugins.Abstractions;

namespace ComplaintCloud.Infrastructure.Plugins;

/// <summary>
/// A plugin version found in the plugin folder: loaded and usable, or rejected with the reason. A version rejected
/// after it was loaded (its files no longer match) keeps its loaded code for the tenants already on it.
/// </summary>
public sealed class PolicyPlugin
{
    private PolicyPlugin(string id, string version, string? folder, IComplaintPolicy? policy, string? rejection)
    {
        Id = id;
        Version = version;
        Folder = folder;
        Policy = policy;
        Rejection = rejection;
    }

    public string Id { get; }
    public string Version { get; }

    /// <summary>Where it was found, relative to the plugin folder (<c>winery/1.0.0</c>); null for a tenant's custom policy.</summary>
    public string? Folder { get; }

    /// <summary>The policy's code, when it was loaded (even if rejected since).</summary>
    public IComplaintPolicy? Policy { get; }

    /// <summary>Why it is not offered, when rejected.</summary>
    public string? Rejection { get; }

    /// <summary>Loaded and still matching its files: tenants may choose it.</summary>
    public bool IsLoaded => Policy is not null && Rejection is null;

    public static PolicyPlugin Loaded(string? folder, IComplaintPolicy policy) =>
        new(policy.Descriptor.Id, policy.Descriptor.Version, folder, policy, null);

    public static PolicyPlugin Rejected(string id, string version, string folder, string reason) =>
        new(id, version, folder, null, reason);

    /// <summary>The same loaded code, now rejected: its files changed after loading.</summary>
    public PolicyPlugin NoLongerMatching(string reason) => new(Id, Version, Folder, Policy, reason);

    /// <summary>The same loaded code, its files matching again.</summary>
    public PolicyPlugin Matching() => Rejection is null ? this : new(Id, Version, Folder, Policy, null);
}
