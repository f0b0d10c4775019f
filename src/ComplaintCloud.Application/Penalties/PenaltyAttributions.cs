using ComplaintCloud.Domain.Penalties;
using ComplaintCloud.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Application.Penalties;

/// <summary>Reads what <see cref="PenaltyAttribution.Of"/> needs for a batch of complaints in one query. Row-level
/// security keeps it to the current tenant, not the query filters: an SLA sweep's scope acts for no tenant.</summary>
public sealed class PenaltyAttributions(ComplaintCloudDbContext db)
{
    public async Task<IReadOnlyDictionary<Guid, PenaltyAttribution>> OfAsync(IReadOnlyCollection<Guid> complaintIds, CancellationToken cancellationToken)
    {
        var complaints = await db.Complaints.IgnoreQueryFilters().AsNoTracking()
            .Where(c => complaintIds.Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                c.OwnerId,
                OwnerEmail = db.Users.Where(u => u.Id == c.OwnerId).Select(u => u.Email).FirstOrDefault(),
                Tasks = c.Tasks.Where(t => t.PlanRevision == c.PlanRevision).Select(t => new { t.Department, t.OwnerId }).ToList(),
            })
            .ToListAsync(cancellationToken);
        return complaints.ToDictionary(
            c => c.Id,
            c => PenaltyAttribution.Of(c.OwnerId, c.OwnerEmail, [.. c.Tasks.Select(t => (t.Department, t.OwnerId))]));
    }
}
