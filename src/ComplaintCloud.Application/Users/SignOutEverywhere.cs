using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;

namespace ComplaintCloud.Application.Users;

/// <summary>A signed-in user ends every token issued to them so far, this one included.</summary>
public sealed class SignOutEverywhereHandler(ComplaintCloudDbContext db, TenantContext tenantContext, RecentSignIns recentSignIns)
{
    public async Task HandleAsync(CancellationToken cancellationToken)
    {
        var (_, user) = await SignedInUser.LoadAsync(db, tenantContext, cancellationToken);
        user.SignOutEverywhere();
        await db.SaveChangesAsync(cancellationToken);
        recentSignIns.Forget(user.Id);
    }
}
