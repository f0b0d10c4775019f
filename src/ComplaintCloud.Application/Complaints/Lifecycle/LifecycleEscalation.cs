using System.Text.Json;
using ComplaintCloud.Application.Clocks;
using ComplaintCloud.Application.Notifications;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Notifications;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Plugins.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Application.Complaints.Lifecycle;

/// <summary>
/// A complaint raised to a more severe grade — regraded, or reopened one grade higher (seed 003) — is escalated as that
/// grade asks at intake (seeds 000/004: a major complaint to management at once), in the step's own transaction.
/// </summary>
public sealed class LifecycleEscalation(ComplaintCloudDbContext db, ComplaintPolicyCalls policy)
{
    public async Task FollowAsync(Complaint complaint, IReadOnlyList<ComplaintEvent> steps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(steps);
        foreach (var step in steps.Where(s => s.Type == "REGRADED" && RaisesTheGrade(s.Data)))
        {
            var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == complaint.TenantId, cancellationToken);
            var grade = complaint.Grade!.Code;
            var escalation = await policy.RunAsync(tenant, complaint, (p, settings, facts) => p.Escalation(grade, EscalationTrigger.Graded, facts, settings));
            complaint.EscalateByPolicy(escalation, EscalationCause.Graded, step.At);
            db.ComplaintEvents.AddRange(complaint.TakeNewEvents());
            db.OutboxMessages.AddRange(EscalationNotices.For(
                complaint, escalation, MessageKind.Escalation, $"complaint:{complaint.Id}:graded:{step.At.ToUnixTimeTicks()}", step.At));
        }
    }

    // A regrade's audit data holds the ranks before (null when it had none) and after.
    private static bool RaisesTheGrade(string regradeData)
    {
        using var data = JsonDocument.Parse(regradeData);
        var before = data.RootElement.GetProperty("before").GetProperty("rank");
        return before.ValueKind != JsonValueKind.Number
            || data.RootElement.GetProperty("after").GetProperty("rank").GetInt32() > before.GetInt32();
    }
}
