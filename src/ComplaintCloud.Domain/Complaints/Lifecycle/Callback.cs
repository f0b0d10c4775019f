using NodaTime;

namespace ComplaintCloud.Domain.Complaints.Lifecycle;

/// <summary>The customer's satisfaction on callback, 1–5 overall and per dimension (seed 003).</summary>
public sealed record Satisfaction(int Overall, int Attitude, int Speed, int Professionalism, int Outcome, string? Comment)
{
    /// <summary>At or below this overall score the customer is unsatisfied and the complaint reopens.</summary>
    public const int UnsatisfiedAtMost = 2;

    public bool Unsatisfied => Overall <= UnsatisfiedAtMost;

    internal void Validate()
    {
        Score(Overall, "overall");
        Score(Attitude, "attitude");
        Score(Speed, "speed");
        Score(Professionalism, "professionalism");
        Score(Outcome, "outcome");
        Rules.Require((Comment?.Length ?? 0) <= ComplaintNote.MaxTextLength, "input.comment", $"A comment must be at most {ComplaintNote.MaxTextLength} characters.");
    }

    private static void Score(int value, string name) =>
        Rules.Require(value is >= 1 and <= 5, $"input.{name}", "Satisfaction is scored from 1 to 5.");
}

/// <summary>A callback as recorded: the scores, who called (null: the customer answered the survey online) and when.</summary>
public sealed record CallbackRecord(Satisfaction Satisfaction, Guid? ById, Instant At);

/// <summary>An approval of a plan revision given for one required role.</summary>
/// <param name="Role">The role the policy requires, whose requirement this approval satisfies.</param>
/// <param name="UserId">The approver.</param>
/// <param name="At">When.</param>
/// <param name="ActedAs">The role the approver acted in: <paramref name="Role"/> itself, or one above it when the compensation is beyond its authority. Null on approvals recorded before it was kept.</param>
public sealed record PlanApproval(string Role, Guid UserId, Instant At, string? ActedAs);

/// <summary>Urgency flags read at intake (SPEC §2.2): they travel to the policy as facts and show on the complaint.</summary>
public sealed record UrgencyFlags(bool SafetyHazard, bool MajorServiceFailure, bool AngryCustomer)
{
    public bool Any => SafetyHazard || MajorServiceFailure || AngryCustomer;
}
