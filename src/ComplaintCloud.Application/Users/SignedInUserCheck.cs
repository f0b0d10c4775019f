using ComplaintCloud.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Application.Users;

/// <summary>
/// Whether a verified token still speaks for its user: the user exists in the token's tenant (the scope's tenant, so
/// row-level security answers), is active, and has not changed credentials since the token was issued.
/// </summary>
public sealed class SignedInUserCheck(ComplaintCloudDbContext db)
{
    public Task<bool> IsCurrentAsync(Guid userId, string? securityStamp, CancellationToken cancellationToken) =>
        securityStamp is null
            ? Task.FromResult(false)
            : db.Users.AnyAsync(u => u.Id == userId && u.DeactivatedAt == null && u.SecurityStamp == securityStamp, cancellationToken);
}
