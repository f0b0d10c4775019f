using ComplaintCloud.Domain.Tenants;

namespace ComplaintCloud.Domain.Complaints;

public sealed partial class Complaint
{
    /// <summary>
    /// Seed 001: the customer's contact is for contacting them, so it is shown to those charged with it — tenant admins
    /// and agents at the desk, the complaint's owner (who acknowledges, makes the urgent contact and tells the customer
    /// the plan), and holders of <paramref name="callbackRole"/>, the role the policy names to call it back.
    /// </summary>
    public bool ShowsContactTo(Guid? userId, IReadOnlyList<string> roles, string? callbackRole)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return roles.Contains(PlatformRoles.TenantAdmin)
            || roles.Contains(PlatformRoles.Agent)
            || (userId is not null && userId == OwnerId)
            || (callbackRole is not null && roles.Contains(callbackRole));
    }
}
