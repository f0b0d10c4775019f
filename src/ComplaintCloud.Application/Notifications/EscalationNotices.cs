using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Infrastructure.Notifications;
using ComplaintCloud.Plugins.Abstractions;
using NodaTime;

namespace ComplaintCloud.Application.Notifications;

/// <summary>
/// The messages that tell each role of an escalation, whichever path escalated (intake, a clock, a person): one per
/// step that tells its role (<see cref="Complaint.TellsRole"/>), to the users holding it, keyed by the cause so each
/// is written once.
/// </summary>
public static class EscalationNotices
{
    public static IEnumerable<OutboxMessage> For(
        Complaint complaint, IReadOnlyList<EscalationStep> steps, string kind, string causeKey, Instant at, params (string Name, string Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(steps);
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (Complaint.TellsRole(step))
            {
                yield return Notify.Role(complaint, kind, step.RoleCode, $"{causeKey}:step:{i}", at, [.. values, ("action", step.Action.ToString())]);
            }
        }
    }
}
