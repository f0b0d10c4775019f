using ComplaintCloud.Application.Clocks;
using ComplaintCloud.Domain.Clocks;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Application.Tenants;

/// <summary>
/// A tenant admin sets the tenant's zone and business calendar (issue 5). Every clock still open is replanned on the
/// new calendar for its complaint's grade, keeping the time already spent, and commits with the change.
/// </summary>
public sealed class UpdateBusinessCalendarHandler(ComplaintCloudDbContext db, TenantContext tenantContext, ClockOperations clocks)
{
    public async Task<CalendarSaved> HandleAsync(string timeZone, TenantCalendarSettings settings, string? ics, CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.RequireTenantAdmin("change the business calendar");
        var tenant = await db.Tenants.SingleAsync(t => t.Id == tenantId, cancellationToken);
        tenant.ChangeCalendar(timeZone, settings, ics);

        var open = await db.Complaints
            .Include(c => c.Clocks)
            .Where(c => c.TenantId == tenantId && c.Clocks.Any(k => k.State != ClockState.Met))
            .ToListAsync(cancellationToken);
        var replanned = 0;
        foreach (var complaint in open)
        {
            // Clocks run only on graded complaints; the grade's own rules give each clock its target again.
            if (complaint.Grade is { } grade)
            {
                replanned += (await clocks.ReplanClocksAsync(complaint, grade.Code, cancellationToken)).Count;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new CalendarSaved(tenant, replanned);
    }
}

/// <summary>The tenant with its new calendar, and how many open clocks were replanned on it.</summary>
public sealed record CalendarSaved(Tenant Tenant, int ReplannedClocks);
