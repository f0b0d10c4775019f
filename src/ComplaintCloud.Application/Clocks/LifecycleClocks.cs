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
            await MeetAsync(complaint, step, cancellationToken);

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
                    // A reopen one grade higher starts the new grade's clocks itself, in a new round.
                    if (!steps.Any(s => s.Type == "REOPENED"))
                    {
                        await clocks.StartRegradedClocksAsync(complaint, step.At, cancellationToken);
                    }

                    break;
            }
        }
    }

    // A step meets the open clocks it is for that were running when it happened; one the customer did not confirm (an
    // unsigned on-site check) leaves those whose rule needs the customer's confirmation running.
    private async Task MeetAsync(Complaint complaint, ComplaintEvent step, CancellationToken cancellationToken)
    {
        var metAt = ClockPurposes.MetAt(step);
        var kinds = ClockPurposes.KindsMetBy(step.Type, step.Data)
            .Where(kind => ComplaintClocks.Open(complaint, kind) is { } open && open.StartedAt <= metAt)
            .ToList();
        if (kinds.Count > 0 && !ClockPurposes.CustomerConfirmed(step))
        {
            kinds = kinds.Except(await clocks.KindsNeedingCustomerConfirmationAsync(complaint, cancellationToken)).ToList();
        }

        foreach (var kind in kinds)
        {
            await clocks.MeetClockAsync(complaint, kind, metAt, cancellationToken);
        }
    }
}
