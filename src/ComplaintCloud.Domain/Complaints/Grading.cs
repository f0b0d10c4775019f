using ComplaintCloud.Domain.Calendars;
using ComplaintCloud.Domain.Clocks;
using ComplaintCloud.Plugins.Abstractions;
using NodaTime;

namespace ComplaintCloud.Domain.Complaints;

/// <summary>Asks a tenant's policy for a new complaint's grade, the clocks that start at receipt and the escalation it needs at once.</summary>
public static class Grading
{
    public static PolicyVerdict Decide(IComplaintPolicy policy, PolicySettings settings, ComplaintFacts facts, BusinessCalendar calendar, Instant receivedAt)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var descriptor = policy.Descriptor;
        var decision = policy.Grade(facts, settings);
        var grade = GradeOf(descriptor, decision.GradeCode)
            ?? throw new DomainException(ErrorCode.PolicyFailed, $"Policy {descriptor.Id} {descriptor.Version} returned the unknown grade '{decision.GradeCode}'.");
        var rules = policy.Clocks(grade.Code, facts, settings);
        var clocks = new List<PlannedClock>(rules.Count);
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i].StartsOn == ClockStart.Received)
            {
                clocks.Add(PlannedClock.Plan(rules[i], receivedAt, calendar));
            }
        }

        return new PolicyVerdict(descriptor.Id, descriptor.Version, new AssignedGrade(grade.Code, grade.Rank, decision.Reason), clocks)
        {
            EscalationAtIntake = policy.Escalation(grade.Code, EscalationTrigger.Graded, facts, settings),
        };
    }

    // Indexed loops, not LINQ: this runs for every complaint taken in (see the Benchmarks section of the README).
    private static GradeDescriptor? GradeOf(PolicyDescriptor descriptor, string code)
    {
        for (var i = 0; i < descriptor.Grades.Count; i++)
        {
            if (descriptor.Grades[i].Code == code)
            {
                return descriptor.Grades[i];
            }
        }

        return null;
    }
}
