using ComplaintCloud.Domain.Calendars;
using ComplaintCloud.Domain.Clocks;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ComplaintCloud.Application.Clocks;

/// <summary>A clock at risk (its warning has come) or breached, with its complaint and the time it has left.</summary>
public sealed record SlaBoardItem(Complaint Complaint, SlaClock Clock, Duration Remaining);

/// <summary>The signed-in tenant's clocks as the desk watches them: time left on each, and the at-risk board.</summary>
public sealed class SlaBoard(ComplaintCloudDbContext db, TenantContext tenantContext, IClock clock, IServiceScopeFactory scopes)
{
    public const int MaxItems = 200;

    private Task<BusinessCalendar>? _calendar;

    /// <summary>Time the clock has left, in its own measure (working time for business clocks); negative once overdue.</summary>
    public async Task<Duration> RemainingAsync(SlaClock slaClock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slaClock);
        return slaClock.RemainingAt(clock.GetCurrentInstant(), await CalendarAsync(cancellationToken));
    }

    /// <summary>Clocks still counting whose warning has come, warned or breached, the least time left first.</summary>
    public async Task<IReadOnlyList<SlaBoardItem>> AtRiskAsync(int? first, CancellationToken cancellationToken)
    {
        tenantContext.RequireSignedInTenant();
        var take = Math.Clamp(first ?? 50, 1, MaxItems);
        var now = clock.GetCurrentInstant();
        var rows = await db.SlaClocks.AsNoTracking()
            .Where(k => k.State == ClockState.Warned || k.State == ClockState.Breached || (k.State == ClockState.Running && k.WarnAt <= now))
            // The nearest deadlines, then ordered by time left (working-time clocks stand still out of hours).
            .OrderBy(k => k.DueAt)
            .Take(take)
            .Join(db.Complaints.AsNoTracking(), k => k.ComplaintId, c => c.Id, (k, c) => new { Clock = k, Complaint = c })
            .PlannedForItsTenant()
            .ToListAsync(cancellationToken);
        var calendar = await CalendarAsync(cancellationToken);
        return [.. rows.Select(r => new SlaBoardItem(r.Complaint, r.Clock, r.Clock.RemainingAt(now, calendar))).OrderBy(i => i.Remaining)];
    }

    private Task<BusinessCalendar> CalendarAsync(CancellationToken cancellationToken) =>
        _calendar ??= LoadCalendarAsync(cancellationToken);

    // A context of its own: GraphQL resolves sibling fields concurrently, and a DbContext allows one query at a time.
    private async Task<BusinessCalendar> LoadCalendarAsync(CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.RequireTenant();
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(tenantId);
        var tenants = scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>().Tenants;
        var tenant = await tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, cancellationToken);
        return tenant.Calendar();
    }
}
