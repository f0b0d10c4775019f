using ComplaintCloud.Domain.Calendars;
using ComplaintCloud.Domain.Clocks;
using ComplaintCloud.Plugins.Abstractions;
using NodaTime;

namespace ComplaintCloud.Domain.Complaints;

/// <summary>Asks a tenant's policy for a new complaint's grade and the clocks that start at receipt.</summary>
public static class Grading
{
    public static PolicyVerdict Decide(IComplaintPolicy policy, PolicySettings settings, ComplaintFacts facts, BusinessCalendar calendar, Instant receivedAt)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var descriptor = policy.Descriptor;
        var decision = policy.Grade(facts, settings);
        var grade = descriptor.Grades.FirstOrDefault(g => g.Code == decision.GradeCode)
            ?? throw new DomainException(ErrorCode.PolicyFailed, $"Policy {descriptor.Id} {descriptor.Version} returned the unknown grade '{decision.GradeCode}'.");
        var clocks = policy.Clocks(grade.Code, facts, settings)
            .Where(rule => rule.StartsOn == ClockStart.Received)
            .Select(rule => PlannedClock.Plan(rule, receivedAt, calendar))
            .ToList();
        return new PolicyVerdict(descriptor.Id, descriptor.Version, new AssignedGrade(grade.Code, grade.Rank, decision.Reason), clocks);
    }
}
