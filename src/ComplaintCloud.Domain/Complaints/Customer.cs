using ComplaintCloud.Plugins.Abstractions;

namespace ComplaintCloud.Domain.Complaints;

/// <summary>Who complained. The contact is for callbacks only and is masked for callers without the right.</summary>
public sealed record Customer(string Name, string? Contact, string? CustomerNumber, CustomerTier Tier);
