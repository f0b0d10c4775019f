namespace ComplaintCloud.Domain.Complaints;

/// <summary>Where a complaint stands in the lifecycle every tenant shares (SPEC §2).</summary>
public enum ComplaintStatus
{
    Received,
    Acknowledged,
    Assigned,
    Investigating,
    ResponsibilityDecided,
    PlanProposed,
    PlanApproved,
    CustomerNotified,
    CustomerConfirmed,
    Executing,
    Resolved,
    CallbackDone,
    Closed,
    Reopened,
    Withdrawn,
}
