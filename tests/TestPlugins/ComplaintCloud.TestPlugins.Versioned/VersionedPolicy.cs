namespace ComplaintCloud.TestPlugins;

/// <summary>A well-behaved policy built twice, as 1.0.0 (V1/) and 2.0.0 (V2/), to load side by side.</summary>
public sealed class VersionedPolicy() : TestPolicy("test-versioned");
