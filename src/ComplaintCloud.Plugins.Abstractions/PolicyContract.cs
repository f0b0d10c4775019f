namespace ComplaintCloud.Plugins.Abstractions;

/// <summary>The contract's own version, which a plugin manifest's contract range must include.</summary>
public static class PolicyContract
{
    /// <summary>Semantic version of this contract: a major change breaks plugins built against an older one.</summary>
    public static Version Version { get; } = new(1, 3, 0);
}
