using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Complaints.Lifecycle;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Application.Complaints.Lifecycle;

/// <summary>Reads one evidence file's bytes, the only place they are read.</summary>
public sealed class EvidenceFiles(ComplaintCloudDbContext db, TenantContext tenantContext)
{
    public async Task<(EvidenceItem Item, byte[] Content)> GetAsync(Guid evidenceItemId, CancellationToken cancellationToken)
    {
        tenantContext.RequireSignedInTenant();
        var item = await db.EvidenceItems.AsNoTracking().Include(e => e.File).SingleOrDefaultAsync(e => e.Id == evidenceItemId, cancellationToken);
        return item?.File is { } file
            ? (item, file.Content)
            : throw new DomainException(ErrorCode.NotFound, "There is no such evidence file.");
    }
}
