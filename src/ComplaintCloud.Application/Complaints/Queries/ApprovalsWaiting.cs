using ComplaintCloud.Application.Complaints.Lifecycle;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Complaints.Lifecycle;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Application.Complaints.Queries;

/// <summary>
/// The proposed plans waiting for the signed-in user: a role they hold still has to approve (as approvePlan would
/// accept it, the compensation authority rule included) and they have not approved yet; oldest complaint first.
/// </summary>
public sealed class ApprovalsWaiting(ComplaintCloudDbContext db, TenantContext tenantContext, ComplaintWork work)
{
    public async Task<IReadOnlyList<Complaint>> ListAsync(CancellationToken cancellationToken)
    {
        tenantContext.RequireSignedInTenant();
        var user = new Actor(tenantContext.UserId!.Value, tenantContext.Roles);
        var proposed = await db.Complaints.AsNoTracking()
            .Where(c => c.Status == ComplaintStatus.PlanProposed)
            .OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id)
            .Include(c => c.Clocks)
            .IncludeLifecycle()
            .ToListAsync(cancellationToken);
        var waiting = new List<Complaint>();
        foreach (var complaint in proposed)
        {
            if (complaint.AwaitsApprovalBy(user, await work.ApprovalsAsync(complaint, cancellationToken)))
            {
                waiting.Add(complaint);
            }
        }

        return waiting;
    }
}
