using ComplaintCloud.Domain.Calendars;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Plugins.Abstractions;
using NodaTime;

namespace ComplaintCloud.Domain.Clocks;

/// <summary>
/// What the lifecycle does to a complaint's clocks: start those a step starts, meet one, pause and resume while
/// waiting on the customer, replan on a regrade. Each returns the clocks it changed (or started) so the caller can
/// record them; none saves anything.
/// </summary>
public static class ComplaintClocks
{
    /// <summary>Starts the clocks of the policy's rules that <paramref name="step"/> starts, in the complaint's current
    /// round; a kind the round already runs is not started twice. A reopen starts a new round: the clocks that start at
    /// receipt start again from the reopen, and earlier rounds' clocks stay on record.</summary>
    public static IReadOnlyList<SlaClock> Start(
        Complaint complaint, IEnumerable<ClockRule> rules, ClockStart step, Instant now, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(rules);
        var running = complaint.Clocks.Where(c => c.Round == complaint.ReopenCount).Select(c => c.Kind).ToHashSet(StringComparer.Ordinal);
        return rules
            .Where(rule => rule.StartsOn == step && !running.Contains(rule.Kind))
            .Select(rule => SlaClock.Start(complaint, PlannedClock.Plan(rule, now, calendar)))
            .ToList();
    }

    /// <summary>The complaint's latest clock of <paramref name="kind"/> that is not settled (met or stopped), if any.</summary>
    public static SlaClock? Open(Complaint complaint, string kind)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return complaint.Clocks.Where(c => c.Kind == kind && !c.IsSettled).MaxBy(c => (c.Round, c.StartedAt));
    }

    /// <summary>Stops the complaint's open clock of <paramref name="kind"/> as met at <paramref name="metAt"/>, which may
    /// be earlier than now (an on-site check is recorded after the visit).</summary>
    public static SlaClock Meet(Complaint complaint, string kind, Instant metAt, BusinessCalendar calendar)
    {
        var clock = Open(complaint, kind)
            ?? throw new DomainException(ErrorCode.BadUserInput, $"The complaint runs no {kind} clock.", "kind");
        clock.Meet(metAt, calendar);
        return clock;
    }

    /// <summary>Stops every clock whose purpose lapsed (see <see cref="ClockPurposes"/>): it can no longer warn or breach.</summary>
    public static IReadOnlyList<SlaClock> Stop(Complaint complaint, Instant now, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return complaint.Clocks.Where(c => c.Stop(now, calendar)).ToList();
    }

    /// <summary>Pauses the clocks whose rules pause while the complaint waits on the customer or a third party.</summary>
    public static IReadOnlyList<SlaClock> Pause(Complaint complaint, Instant now, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return complaint.Clocks.Where(c => c.Pause(now, calendar)).ToList();
    }

    /// <summary>Resumes the paused clocks with the time they had left.</summary>
    public static IReadOnlyList<SlaClock> Resume(Complaint complaint, Instant now, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return complaint.Clocks.Where(c => c.Resume(now, calendar)).ToList();
    }

    /// <summary>After a regrade, gives each running clock the budget of the new grade's rule of the same kind,
    /// keeping the time already spent; clocks the new grade does not run keep their plan.</summary>
    public static IReadOnlyList<SlaClock> Replan(
        Complaint complaint, IEnumerable<ClockRule> newGradeRules, Instant now, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(newGradeRules);
        var changed = new List<SlaClock>();
        foreach (var rule in newGradeRules)
        {
            if (Open(complaint, rule.Kind) is { } clock)
            {
                clock.Replan(PlannedClock.Plan(rule, clock.StartedAt, calendar), now, calendar);
                changed.Add(clock);
            }
        }

        return changed;
    }
}
