using ComplaintCloud.Domain.Clocks;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Plugins.Abstractions;

namespace ComplaintCloud.Application.Clocks;

/// <summary>
/// Moves a complaint's SLA clocks along with its lifecycle: each step the complaint just took (its new audit events)
/// meets, starts, pauses, resumes or replans the clocks it concerns, in the same transaction as the step.
/// </summary>
public sealed class LifecycleClocks(ClockOperations clocks)
{
    // Which clocks a step meets, by the policy's clock kinds (API.md).
    private static readonly Dictionary<string, string[]> MetBy = new(StringComparer.Ordinal)
    {
        ["ACKNOWLEDGED"] = ["ACKNOWLEDGE", "CONTACT", "RESPONSE", "REPORT"],
        ["ASSIGNED"] = ["CONTACT", "REPORT"],
        ["ON_SITE_CHECKED"] = ["ON_SITE"],
        ["PLAN_PROPOSED"] = ["PLAN"],
        ["CUSTOMER_NOTIFIED"] = ["NOTIFY"],
        ["RESOLVED"] = ["RESOLVE"],
        ["CALLBACK_RECORDED"] = ["CALLBACK"],
    };

    public async Task FollowAsync(Complaint complaint, IReadOnlyList<ComplaintEvent> steps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(steps);
        foreach (var step in steps)
        {
            foreach (var kind in MetBy.GetValueOrDefault(step.Type, []))
            {
                if (complaint.Clocks.Any(c => c.Kind == kind && c.State != ClockState.Met))
                {
                    await clocks.MeetClockAsync(complaint, kind, cancellationToken);
                }
            }

            switch (step.Type)
            {
                case "PLAN_APPROVED":
                    await clocks.StartClocksAsync(complaint, ClockStart.PlanApproved, cancellationToken);
                    break;
                case "RESOLVED":
                    await clocks.StartClocksAsync(complaint, ClockStart.Resolved, cancellationToken);
                    break;
                case "CUSTOMER_NOTIFIED":
                    // Waiting on the customer's answer: clocks whose rules say so stop counting.
                    await clocks.PauseClocksAsync(complaint, cancellationToken);
                    break;
                case "CUSTOMER_CONFIRMED" or "CUSTOMER_DECLINED":
                    await clocks.ResumeClocksAsync(complaint, cancellationToken);
                    break;
                case "REGRADED":
                    await clocks.ReplanClocksAsync(complaint, complaint.Grade!.Code, cancellationToken);
                    break;
            }
        }
    }
}
