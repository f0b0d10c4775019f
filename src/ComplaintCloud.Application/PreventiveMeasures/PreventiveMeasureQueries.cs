using ComplaintCloud.Domain.PreventiveMeasures;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Application.PreventiveMeasures;

/// <summary>Reads the tenant's measures and their audit trails.</summary>
public sealed class PreventiveMeasureQueries(PreventiveMeasureWork work, TenantContext tenantContext)
{
    public async Task<IReadOnlyList<PreventiveMeasure>> ListAsync(MeasureStatus? status, CancellationToken cancellationToken)
    {
        tenantContext.RequireSignedInTenant();
        var measures = work.Db.PreventiveMeasures.AsNoTracking();
        return await (status is { } only ? measures.Where(m => m.Status == only) : measures)
            .OrderBy(m => m.RecordedAt).ThenBy(m => m.Id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PreventiveMeasureEvent>> HistoryAsync(Guid measureId, CancellationToken cancellationToken) =>
        await work.Db.PreventiveMeasureEvents.AsNoTracking().Where(e => e.MeasureId == measureId).OrderBy(e => e.Id).ToListAsync(cancellationToken);
}
