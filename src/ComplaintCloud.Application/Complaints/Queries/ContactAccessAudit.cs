using System.Text.Json;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using NodaTime;

namespace ComplaintCloud.Application.Complaints.Queries;

/// <summary>
/// Seed 001: a customer's contact is for callbacks only. Every time a caller is shown one unmasked, the complaint's
/// append-only history gets a CONTACT_VIEWED event naming who (user or API key) and when, before the contact is
/// returned; once per complaint and request.
/// </summary>
public sealed class ContactAccessAudit(ComplaintCloudDbContext db, TenantContext tenantContext, IClock clock)
{
    public const string EventType = "CONTACT_VIEWED";

    private readonly HashSet<Guid> _recorded = [];

    public async Task RecordAsync(Complaint complaint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        if (!_recorded.Add(complaint.Id))
        {
            return;
        }

        db.ComplaintEvents.Add(ComplaintEvent.Record(
            complaint, EventType, tenantContext.UserId, clock.GetCurrentInstant(), JsonSerializer.Serialize(new { apiKeyId = tenantContext.ApiKeyId })));
        await db.SaveChangesAsync(cancellationToken);
    }
}
