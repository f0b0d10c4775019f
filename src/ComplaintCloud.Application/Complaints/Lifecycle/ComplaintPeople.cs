using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Application.Complaints.Lifecycle;

/// <summary>The people around a complaint, by their accounts: who owns it, who handled it, to whom it can go.</summary>
public sealed class ComplaintPeople(ComplaintCloudDbContext db)
{
    /// <summary>The tenant's users among <paramref name="ids"/>, by id: owners and handlers of a page of complaints at once.</summary>
    public async Task<IReadOnlyDictionary<Guid, User>> UsersAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);

    /// <summary>The tenant's active users who may work complaints, but its owner: whom it can be handed over to.</summary>
    public async Task<IReadOnlyList<User>> HandOverCandidatesAsync(Complaint complaint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var users = await db.Users.AsNoTracking().Where(u => u.Id != complaint.OwnerId && u.DeactivatedAt == null).OrderBy(u => u.Email).ToListAsync(cancellationToken);
        return [.. users.Where(u => ComplaintWork.MayWork(u.Roles))];
    }
}
