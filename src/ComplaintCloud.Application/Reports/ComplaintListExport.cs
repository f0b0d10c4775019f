using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using ComplaintCloud.Plugins.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ComplaintCloud.Application.Reports;

/// <summary>One line of the complaint list export; the customer's contact stays out (it is for callbacks only).</summary>
public sealed record ComplaintListRow(
    string Number,
    Instant ReceivedAt,
    FeedbackKind Kind,
    Channel Channel,
    string Category,
    string? Grade,
    ComplaintStatus Status,
    Instant? ResolvedAt,
    int ReopenCount,
    bool Duplicate,
    string Description);

/// <summary>The complaints received in a period, oldest first, read one row at a time for streaming out, from the
/// read-only database (a replica when one is configured).</summary>
public sealed class ComplaintListExport([FromKeyedServices(ReadOnlyDatabase.Key)] ComplaintCloudDbContext db, TenantContext tenantContext)
{
    public async Task<(ReportScope Scope, IAsyncEnumerable<ComplaintListRow> Rows)> OpenAsync(ReportPeriodInput input, CancellationToken cancellationToken)
    {
        var scope = await ReportScope.ResolveAsync(db, tenantContext, input, cancellationToken);
        // The tenant query filter applies; rows are yielded as the data reader reads them, never collected.
        var rows = db.Complaints.AsNoTracking()
            .Where(c => c.ReceivedAt >= scope.Start && c.ReceivedAt < scope.End)
            .OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id)
            .Select(c => new ComplaintListRow(
                c.Number, c.ReceivedAt, c.Kind, c.Channel, c.Category, c.Grade == null ? null : c.Grade.Code, c.Status,
                c.ResolvedAt, c.ReopenCount, c.DuplicateOfId != null, c.Description))
            .AsAsyncEnumerable();
        return (scope, rows);
    }
}
