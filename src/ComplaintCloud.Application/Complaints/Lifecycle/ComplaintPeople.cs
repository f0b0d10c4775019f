using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Application.Complaints.Lifecycle;

/// <summary>The people around a complaint, by their accounts: who owns it, who handled it, to whom it can go.</summary>
public sealed class ComplaintPeople(ComplaintCloudDbContext db)
{
    public async Task<User?> OwnerAsync(Complaint complaint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return complaint.OwnerId is { } owner ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == owner, cancellationToken) : null;
    }

    /// <summary>Everyone who has owned it, in the order they took it.</summary>
    public async Task<IReadOnlyList<User>> HandlersAsync(Complaint complaint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var ids = complaint.HandlerIds.ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(cancellationToken);
        return [.. users.OrderBy(u => ids.IndexOf(u.Id))];
    }

    /// <summary>The tenant's active users who may work complaints, but its owner: whom it can be handed over to.</summary>
    public async Task<IReadOnlyList<User>> HandOverCandidatesAsync(Complaint complaint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var users = await db.Users.AsNoTracking().Where(u => u.Id != complaint.OwnerId && u.DeactivatedAt == null).OrderBy(u => u.Email).ToListAsync(cancellationToken);
        return [.. users.Where(u => ComplaintWork.MayWork(u.Roles))];
    }
}
