namespace ComplaintCloud.Application.Tenants;

/// <summary>
/// The tenants found not suspended a moment ago, so that a tenant's run of mutations does not ask the database each
/// time whether the platform operator suspended it; suspending a tenant forgets it.
/// </summary>
public sealed class RecentlyWritableTenants : RecentConfirmations<Guid>;
