using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using NodaTime;

namespace ComplaintCloud.Application.Complaints.Queries;

/// <summary>
/// Seed 001: a customer's contact is for callbacks only. Every time a caller is shown one unmasked, a
/// <see cref="ContactView"/> names who (user or API key) and when, before the contact is returned; once per complaint
/// and request.
/// </summary>
public sealed class ContactAccessAudit(ComplaintCloudDbContext db, TenantContext tenantContext, IClock clock)
{
    private readonly HashSet<Guid> _recorded = [];

    public async Task RecordAsync(Complaint complaint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        if (!_recorded.Add(complaint.Id))
        {
            return;
        }

        db.ContactViews.Add(ContactView.Record(complaint, tenantContext.UserId, tenantContext.ApiKeyId, clock.GetCurrentInstant()));
        await db.SaveChangesAsync(cancellationToken);
    }
}
