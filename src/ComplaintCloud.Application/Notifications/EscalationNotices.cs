using System.Text.Json;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Notifications;
using ComplaintCloud.Plugins.Abstractions;
using NodaTime;

namespace ComplaintCloud.Application.Notifications;

/// <summary>
/// The outbox messages that tell each role of an escalation, whichever path escalated (intake, a clock, a person):
/// one per step that tells its role (<see cref="Complaint.TellsRole"/>), keyed by the cause so each is written once.
/// </summary>
public static class EscalationNotices
{
    public static IEnumerable<OutboxMessage> For(
        Tenant tenant, Complaint complaint, IReadOnlyList<EscalationStep> steps, string topic, string causeKey, Instant at, object? details = null)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(steps);
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (Complaint.TellsRole(step))
            {
                yield return OutboxMessage.Create(
                    tenant.Id,
                    complaint.Id,
                    WebhookChannel.ChannelName,
                    $"role:{step.RoleCode}",
                    topic,
                    JsonSerializer.Serialize(new
                    {
                        tenant = tenant.Slug,
                        complaint = complaint.Number,
                        grade = complaint.Grade?.Code,
                        action = step.Action.ToString(),
                        role = step.RoleCode,
                        withinMinutes = step.Within is { Unit: TimeUnit.Minutes } within ? within.Amount : (int?)null,
                        details,
                    }),
                    $"{causeKey}:step:{i}",
                    at);
            }
        }
    }
}
