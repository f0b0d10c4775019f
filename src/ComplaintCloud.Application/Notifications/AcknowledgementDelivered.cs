using ComplaintCloud.Application.Clocks;
using ComplaintCloud.Domain.Clocks;
using ComplaintCloud.Domain.Notifications;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Application.Notifications;

/// <summary>
/// The customer's acknowledgement at intake, once delivered, meets the complaint's ACKNOWLEDGE clock at the moment of
/// delivery, when the complaint's policy says an automatic acknowledgement counts
/// (<see cref="Plugins.Abstractions.ClockRule.MetByAutomaticAcknowledgement"/>); otherwise the clock runs on until a
/// person acknowledges the complaint.
/// </summary>
public sealed class AcknowledgementDelivered(ComplaintCloudDbContext db, ComplaintPolicyCalls policy, ClockOperations clocks) : IDeliveryFollowUp
{
    private const string Acknowledge = "ACKNOWLEDGE";

    public async Task DeliveredAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is not { Topic: MessageKind.Acknowledgement or MessageKind.UrgentContact, ComplaintId: { } complaintId, SentAt: { } deliveredAt })
        {
            return;
        }

        var complaint = await db.Complaints.Include(c => c.Clocks).SingleAsync(c => c.Id == complaintId, cancellationToken);
        if (ComplaintClocks.Open(complaint, Acknowledge) is null || complaint.Grade is not { } grade)
        {
            return;
        }

        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == complaint.TenantId, cancellationToken);
        var rules = await policy.RunAsync(tenant, complaint, (p, settings, facts) => p.Clocks(grade.Code, facts, settings));
        if (rules.Any(rule => rule.Kind == Acknowledge && rule.MetByAutomaticAcknowledgement))
        {
            await clocks.MeetClockAsync(complaint, Acknowledge, deliveredAt, cancellationToken);
        }
    }
}
