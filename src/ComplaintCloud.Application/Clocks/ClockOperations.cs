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
        var tenant = await TenantOfAsync(complaint, cancellationToken);
        var rules = await policy.RunAsync(tenant, complaint, (p, settings, facts) => p.Clocks(grade.Code, facts, settings));
        var started = ComplaintClocks.Start(complaint, rules, step, from, tenant.Calendar());
        db.SlaClocks.AddRange(started);
        Record(complaint, "CLOCK_STARTED", started);
        return started;
    }

    /// <summary>Stops the clock of <paramref name="kind"/> as met (e.g. ACKNOWLEDGE when the customer was acknowledged).</summary>
    public async Task<SlaClock> MeetClockAsync(Complaint complaint, string kind, CancellationToken cancellationToken) =>
        (await ApplyAsync(complaint, "CLOCK_MET", (now, calendar) => [ComplaintClocks.Meet(complaint, kind, now, calendar)], cancellationToken))[0];

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
        var tenant = await TenantOfAsync(complaint, cancellationToken);
        var rules = await policy.RunAsync(tenant, complaint, (p, settings, facts) => p.Clocks(newGradeCode, facts, settings));
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
