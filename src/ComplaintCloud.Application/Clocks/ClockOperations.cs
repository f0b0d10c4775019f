using System.Text.Json;
using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Calendars;
using ComplaintCloud.Domain.Clocks;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using ComplaintCloud.Plugins.Abstractions;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintCloud.Application.Clocks;

/// <summary>
/// What the complaint lifecycle does to a complaint's SLA clocks. Each operation works on a complaint loaded in this
/// scope's DbContext, applies the domain rule (<see cref="ComplaintClocks"/>), records one audit event per clock it
/// changed and leaves saving to the caller, so it commits with the lifecycle step that caused it. The tenant's
/// scheduler trigger is brought forward on commit when a changed clock needs it earlier.
/// </summary>
public sealed class ClockOperations(ComplaintCloudDbContext db, TenantContext tenantContext, ComplaintPolicyCalls policy, IClock clock)
{
    /// <summary>Starts the clocks the policy starts at <paramref name="step"/> for the complaint's grade (PlanApproved,
    /// Resolved; Received again when a reopen starts a new round), counting from <paramref name="from"/>, the step's instant.</summary>
    public async Task<IReadOnlyList<SlaClock>> StartClocksAsync(Complaint complaint, ClockStart step, Instant from, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var grade = complaint.Grade ?? throw new DomainException(ErrorCode.InvalidTransition, "An ungraded complaint runs no clocks.");
        var (tenant, rules) = await RulesAsync(complaint, grade.Code, cancellationToken);
        return Start(complaint, rules, step, from, tenant);
    }

    /// <summary>
    /// After a regrade, starts the new grade's receipt clocks that the round does not run yet, from the regrade, as a
    /// reopen would; a clock whose purpose a step of the round already served (the complaint was taken, the plan
    /// proposed) does not start.
    /// </summary>
    public async Task<IReadOnlyList<SlaClock>> StartRegradedClocksAsync(Complaint complaint, Instant from, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var steps = await db.ComplaintEvents.AsNoTracking()
            .Where(e => e.ComplaintId == complaint.Id)
            .OrderBy(e => e.At)
            .Select(e => new { e.Type, e.Data })
            .ToListAsync(cancellationToken);
        var served = steps.Skip(steps.FindLastIndex(e => e.Type == "REOPENED") + 1)
            .SelectMany(e => ClockPurposes.KindsMetBy(e.Type, e.Data))
            .ToHashSet(StringComparer.Ordinal);
        var (tenant, rules) = await RulesAsync(complaint, complaint.Grade!.Code, cancellationToken);
        return Start(complaint, [.. rules.Where(rule => !served.Contains(rule.Kind))], ClockStart.Received, from, tenant);
    }

    private List<SlaClock> Start(Complaint complaint, IReadOnlyList<ClockRule> rules, ClockStart step, Instant from, Tenant tenant)
    {
        var started = ComplaintClocks.Start(complaint, rules, step, from, tenant.Calendar()).ToList();
        db.SlaClocks.AddRange(started);
        Record(complaint, "CLOCK_STARTED", started);
        return started;
    }

    /// <summary>Stops the clock of <paramref name="kind"/> as met at <paramref name="metAt"/> (e.g. ACKNOWLEDGE when the
    /// customer was acknowledged, ON_SITE when the head was on site).</summary>
    public async Task<SlaClock> MeetClockAsync(Complaint complaint, string kind, Instant metAt, CancellationToken cancellationToken) =>
        (await ApplyAsync(complaint, "CLOCK_MET", (_, calendar) => [ComplaintClocks.Meet(complaint, kind, metAt, calendar)], cancellationToken))[0];

    /// <summary>The clock kinds of the complaint's grade that only a step the customer confirmed meets.</summary>
    public async Task<IReadOnlySet<string>> KindsNeedingCustomerConfirmationAsync(Complaint complaint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        if (complaint.Grade is not { } grade)
        {
            return new HashSet<string>();
        }

        var (_, rules) = await RulesAsync(complaint, grade.Code, cancellationToken);
        return rules.Where(rule => rule.NeedsCustomerConfirmation).Select(rule => rule.Kind).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The purpose of the clocks still open lapsed (resolved, withdrawn, closed, reopened): stops them, neither met nor breached.</summary>
    public Task<IReadOnlyList<SlaClock>> StopClocksAsync(Complaint complaint, CancellationToken cancellationToken) =>
        ApplyAsync(complaint, "CLOCK_STOPPED", (now, calendar) => ComplaintClocks.Stop(complaint, now, calendar), cancellationToken);

    /// <summary>The complaint now waits on the customer or a third party: pauses the clocks whose rules say so.</summary>
    public Task<IReadOnlyList<SlaClock>> PauseClocksAsync(Complaint complaint, CancellationToken cancellationToken) =>
        ApplyAsync(complaint, "CLOCK_PAUSED", (now, calendar) => ComplaintClocks.Pause(complaint, now, calendar), cancellationToken);

    /// <summary>The customer answered: resumes the paused clocks with the time they had left.</summary>
    public Task<IReadOnlyList<SlaClock>> ResumeClocksAsync(Complaint complaint, CancellationToken cancellationToken) =>
        ApplyAsync(complaint, "CLOCK_RESUMED", (now, calendar) => ComplaintClocks.Resume(complaint, now, calendar), cancellationToken);

    /// <summary>The complaint was regraded to <paramref name="newGradeCode"/>: each running clock gets the new grade's
    /// target, keeping the time already spent. Call it before or after changing the complaint's grade.</summary>
    public async Task<IReadOnlyList<SlaClock>> ReplanClocksAsync(Complaint complaint, string newGradeCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var (tenant, rules) = await RulesAsync(complaint, newGradeCode, cancellationToken);
        var replanned = ComplaintClocks.Replan(complaint, rules, clock.GetCurrentInstant(), tenant.Calendar());
        Record(complaint, "CLOCK_REPLANNED", replanned);
        return replanned;
    }

    private async Task<IReadOnlyList<SlaClock>> ApplyAsync(
        Complaint complaint, string eventType, Func<Instant, BusinessCalendar, IReadOnlyList<SlaClock>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var tenant = await TenantOfAsync(complaint, cancellationToken);
        var changed = change(clock.GetCurrentInstant(), tenant.Calendar());
        Record(complaint, eventType, changed);
        return changed;
    }

    // The policy's clock rules for a grade of the complaint, with the tenant whose calendar plans them.
    private async Task<(Tenant Tenant, IReadOnlyList<ClockRule> Rules)> RulesAsync(Complaint complaint, string gradeCode, CancellationToken cancellationToken)
    {
        var tenant = await TenantOfAsync(complaint, cancellationToken);
        return (tenant, await policy.RunAsync(tenant, complaint, (p, settings, facts) => p.Clocks(gradeCode, facts, settings)));
    }

    private Task<Tenant> TenantOfAsync(Complaint complaint, CancellationToken cancellationToken) =>
        db.Tenants.SingleAsync(t => t.Id == complaint.TenantId, cancellationToken);

    private void Record(Complaint complaint, string type, IEnumerable<SlaClock> clocks)
    {
        var now = clock.GetCurrentInstant();
        foreach (var changed in clocks)
        {
            db.ComplaintEvents.Add(ComplaintEvent.Record(complaint, type, tenantContext.UserId, now, JsonSerializer.Serialize(new
            {
                clockId = changed.Id,
                kind = changed.Kind,
                state = changed.State.ToString(),
                dueAt = changed.DueAt.ToString(),
            })));
        }
    }
}
