using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using NodaTime;

namespace ComplaintCloud.Application.Complaints.Queries;

/// <summary>
/// Seed 001: a customer's contact is for callbacks only. Every time a caller is shown one unmasked, a
/// <see cref="ContactView"/> names who (user or API key) and when, before the contact is returned; once per complaint
/// and request, the complaints of a page in one write.
/// </summary>
public sealed class ContactAccessAudit(ComplaintCloudDbContext db, TenantContext tenantContext, IClock clock)
{
    private readonly HashSet<Guid> _recorded = [];

    public async Task RecordAsync(IReadOnlyCollection<Complaint> complaints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaints);
        var now = clock.GetCurrentInstant();
        var views = complaints.Where(c => _recorded.Add(c.Id)).Select(c => ContactView.Record(c, tenantContext.UserId, tenantContext.ApiKeyId, now)).ToList();
        if (views.Count == 0)
        {
            return;
        }

        db.ContactViews.AddRange(views);
        await db.SaveChangesAsync(cancellationToken);
    }
}
