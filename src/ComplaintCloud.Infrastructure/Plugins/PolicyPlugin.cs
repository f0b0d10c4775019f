using ComplaintCloud.Plugins.Abstractions;

namespace ComplaintCloud.Infrastructure.Plugins;

/// <summary>A plugin found in the plugin folder: loaded and usable, or rejected with the reason.</summary>
public sealed class PolicyPlugin
{
    private PolicyPlugin(string id, string version, string folder, IComplaintPolicy? policy, string? rejection)
    {
        Id = id;
        Version = version;
        Folder = folder;
        Policy = policy;
        Rejection = rejection;
    }

    public string Id { get; }
    public string Version { get; }
    public string Folder { get; }

    /// <summary>The policy, when loaded.</summary>
    public IComplaintPolicy? Policy { get; }

    /// <summary>Why it is not used, when rejected.</summary>
    public string? Rejection { get; }

    public bool IsLoaded => Policy is not null;

    public static PolicyPlugin Loaded(string folder, IComplaintPolicy policy) =>
        new(policy.Descriptor.Id, policy.Descriptor.Version, folder, policy, null);

    public static PolicyPlugin Rejected(string id, string version, string folder, string reason) =>
        new(id, version, folder, null, reason);
}
