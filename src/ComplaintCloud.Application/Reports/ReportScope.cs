using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintCloud.Application.Reports;

/// <summary>A report period placed in the signed-in tenant's time zone: the instants its SQL filters on.</summary>
public sealed record ReportScope(Guid TenantId, ReportPeriod Period, DateTimeZone Zone, Instant Start, Instant End, Instant PreviousStart)
{
    public static async Task<ReportScope> ResolveAsync(
        ComplaintCloudDbContext db, TenantContext tenantContext, ReportPeriodInput input, CancellationToken cancellationToken, string field = "period")
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tenantContext);
        var tenantId = tenantContext.RequireReportReader();
        var period = ReportPeriod.Parse(input, field);
        var zoneId = await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.TimeZone).SingleAsync(cancellationToken);
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var (start, end) = period.Instants(zone);
        return new ReportScope(tenantId, period, zone, start, end, period.PreviousInstants(zone).Start);
    }
}
