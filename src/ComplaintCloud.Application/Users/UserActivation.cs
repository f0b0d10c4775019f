using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintCloud.Application.Users;

/// <summary>
/// A tenant admin deactivates a user, who can then no longer log in and whose tokens stop working at once, or
/// reactivates them (with a fresh log-in). Nothing of what they did is removed. An admin cannot deactivate themself,
/// so a tenant always keeps someone to undo it.
/// </summary>
public sealed class UserActivationHandler(ComplaintCloudDbContext db, TenantContext tenantContext, RecentSignIns recentSignIns, IClock clock)
{
    public async Task<User> DeactivateAsync(Guid userId, CancellationToken cancellationToken)
    {
        tenantContext.RequireTenantAdmin("deactivate users");
        if (userId == tenantContext.UserId)
        {
            throw new DomainException(ErrorCode.BadUserInput, "You cannot deactivate yourself; ask another tenant admin.", "input.userId");
        }

        var user = await FindAsync(userId, cancellationToken);
        user.Deactivate(clock.GetCurrentInstant());
        await db.SaveChangesAsync(cancellationToken);
        recentSignIns.Forget(user.Id);
        return user;
    }

    public async Task<User> ReactivateAsync(Guid userId, CancellationToken cancellationToken)
    {
        tenantContext.RequireTenantAdmin("reactivate users");
        var user = await FindAsync(userId, cancellationToken);
        user.Reactivate();
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    private async Task<User> FindAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw new DomainException(ErrorCode.NotFound, "There is no such user.", "input.userId");
}
