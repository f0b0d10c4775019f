using ComplaintCloud.Domain.Clocks;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Plugins.Abstractions;

namespace ComplaintCloud.Application.Clocks;

/// <summary>
/// Moves a complaint's SLA clocks along with its lifecycle: each step the complaint just took (its new audit events)
/// meets, stops, starts, pauses, resumes or replans the clocks it concerns (<see cref="ClockPurposes"/>), in the same
/// transaction as the step.
/// </summary>
public sealed class LifecycleClocks(ClockOperations clocks)
{
    public async Task FollowAsync(Complaint complaint, IReadOnlyList<ComplaintEvent> steps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(steps);
        foreach (var step in steps)
        {
            foreach (var kind in ClockPurposes.KindsMetBy(step.Type, step.Data))
            {
                if (ComplaintClocks.Open(complaint, kind) is not null)
                {
                    await clocks.MeetClockAsync(complaint, kind, cancellationToken);
                }
            }

            if (ClockPurposes.StopsOpenClocks(step.Type))
            {
                await clocks.StopClocksAsync(complaint, cancellationToken);
            }

            switch (step.Type)
            {
                case "PLAN_APPROVED":
                    await clocks.StartClocksAsync(complaint, ClockStart.PlanApproved, step.At, cancellationToken);
                    break;
                case "RESOLVED":
                    await clocks.StartClocksAsync(complaint, ClockStart.Resolved, step.At, cancellationToken);
                    break;
                case "REOPENED":
                    // Seed 003: re-handled at the (raised) grade, on its clocks from the reopen.
                    await clocks.StartClocksAsync(complaint, ClockStart.Received, step.At, cancellationToken);
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
