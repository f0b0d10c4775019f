using ComplaintCloud.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintCloud.Application.Users;

/// <summary>
/// Whether a verified token still speaks for its user: the user exists in the token's tenant (the scope's tenant, so
/// row-level security answers), is active, and has not changed credentials since the token was issued. A yes is kept
/// for <see cref="RecentConfirmations.Lifetime"/>, so that a user's run of requests does not pay a query each.
/// </summary>
public sealed class SignedInUserCheck(ComplaintCloudDbContext db, RecentSignIns recent, IClock clock)
{
    public async Task<bool> IsCurrentAsync(Guid userId, string? securityStamp, CancellationToken cancellationToken)
    {
        if (securityStamp is null)
        {
            return false;
        }

        var now = clock.GetCurrentInstant();
        if (recent.Confirms(userId, securityStamp, now))
        {
            return true;
        }

        var current = await IsActiveWithStamp(db, userId, securityStamp, cancellationToken);
        if (current)
        {
            recent.Remember(userId, securityStamp, now);
        }

        return current;
    }

    // Compiled once: among many tenants the kept answers rarely cover a request, and the query's LINQ cost more to
    // build and look up than PostgreSQL spends answering it.
    private static readonly Func<ComplaintCloudDbContext, Guid, string, CancellationToken, Task<bool>> IsActiveWithStamp =
        EF.CompileAsyncQuery((ComplaintCloudDbContext db, Guid userId, string securityStamp, CancellationToken cancellationToken) =>
            db.Users.Any(u => u.Id == userId && u.DeactivatedAt == null && u.SecurityStamp == securityStamp));
}

/// <summary>The users whose tokens <see cref="SignedInUserCheck"/> found current a moment ago, by security stamp.</summary>
public sealed class RecentSignIns : RecentConfirmations<Guid, string>;
