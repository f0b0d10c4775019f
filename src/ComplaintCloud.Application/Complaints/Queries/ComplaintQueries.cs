using System.Globalization;
using System.Text;
using ComplaintCloud.Application.Complaints.Lifecycle;
using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using ComplaintCloud.Plugins.Abstractions;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintCloud.Application.Complaints.Queries;

public sealed record ComplaintFilter(
    IReadOnlyList<ComplaintStatus>? Statuses = null,
    IReadOnlyList<string>? Grades = null,
    IReadOnlyList<Channel>? Channels = null,
    Instant? ReceivedFrom = null,
    Instant? ReceivedBefore = null,
    bool? Escalated = null,
    IReadOnlyList<string>? EscalatedTo = null,
    IReadOnlyList<FeedbackKind>? Kinds = null,
    OwnerFilter? Owner = null,
    string? Search = null);

/// <summary>Whose complaints: the signed-in user's own, or those nobody owns.</summary>
public enum OwnerFilter
{
    Mine,
    Unassigned,
}

public enum ComplaintOrder
{
    /// <summary>Newest received first.</summary>
    Newest,

    /// <summary>The nearest deadline of a clock that still matters first (overdue ones first of all), then those without.</summary>
    NearestDeadline,
}

/// <summary>What of a complaint beyond its own row a list loads: each part costs one more statement a page.</summary>
[Flags]
public enum ComplaintParts
{
    /// <summary>The complaint's own columns only.</summary>
    Row = 0,

    /// <summary>Its SLA clocks.</summary>
    Clocks = 1,

    /// <summary>Its evidence, plan tasks and notes, which the lifecycle's rules read.</summary>
    Lifecycle = 2,

    All = Clocks | Lifecycle,
}

/// <summary>
/// A page of complaints in the asked order, with an opaque cursor to the next page. Counting every match costs a scan
/// of them, so it is a function the API calls only when a query selects the total.
/// </summary>
public sealed record ComplaintPage(IReadOnlyList<(Complaint Complaint, string Cursor)> Items, bool HasNextPage, Func<CancellationToken, Task<int>> CountAllAsync);

/// <summary>Reads complaints of the signed-in user's tenant; another tenant's complaint is simply not there.</summary>
public sealed class ComplaintQueries(ComplaintCloudDbContext db, TenantContext tenantContext)
{
    public const int MaxPageSize = 100;

    public async Task<Complaint> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        tenantContext.RequireSignedInTenant();
        // Another tenant's complaint is filtered out, so it is as absent as one that never existed.
        return await db.Complaints.AsNoTracking().Include(c => c.Clocks).IncludeLifecycle().SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new DomainException(ErrorCode.NotFound, "There is no such complaint.");
    }

    public async Task<ComplaintPage> ListAsync(
        ComplaintFilter filter, ComplaintOrder order, int? first, string? after, ComplaintParts parts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        tenantContext.RequireSignedInTenant();
        var size = first ?? 20;
        if (size is < 0 or > MaxPageSize)
        {
            throw new DomainException(ErrorCode.BadUserInput, $"Ask for 0 to {MaxPageSize} complaints a page.", "first");
        }

        var query = Filtered(filter);
        // The page's ids first, read from the index in the order asked, then their rows: planned in one go, PostgreSQL
        // expects a handful of rows from the tenant filter and the tenant row-level security together, reads every row
        // of the tenant and sorts them; the ids alone it reads from the index, in order, 21 entries for a page of 20.
        var ids = InOrder(query, order, after).Take(size + 1).Select(c => c.Id);
        var page = InOrder(query.Where(c => ids.Contains(c.Id)), order, after: null).AsNoTracking();
        // Unfiltered, one plan serves every tenant: planning each page cost three times what running it did. A filter's
        // values decide how many rows match (an agent's own five among 100,000: 0.1 ms by the owner index, 68 ms by
        // the order's), which only a plan made for those values knows (docs/load.md).
        page = ReferenceEquals(query, db.Complaints) ? page.PlannedOnceInIndexOrder() : page.PlannedForItsTenant();
        if (parts.HasFlag(ComplaintParts.Clocks))
        {
            page = page.Include(c => c.Clocks).AsSplitQuery();
        }

        if (parts.HasFlag(ComplaintParts.Lifecycle))
        {
            page = page.IncludeLifecycle();
        }

        var rows = await page.ToListAsync(cancellationToken);
        var cursor = order == ComplaintOrder.NearestDeadline ? (Func<Complaint, string>)DeadlineCursor : NewestCursor;
        return new ComplaintPage(rows.Take(size).Select(c => (c, cursor(c))).ToList(), rows.Count > size, ct => query.CountAsync(ct));
    }

    private static IQueryable<Complaint> InOrder(IQueryable<Complaint> query, ComplaintOrder order, string? after) =>
        order == ComplaintOrder.NearestDeadline ? ByNearestDeadline(query, after) : Newest(query, after);

    // Keyset pagination on (received_at, id) descending: stable while complaints keep arriving. The first condition
    // alone is redundant; it lets PostgreSQL start the scan of the (tenant, received_at, id) index at the cursor
    // rather than at the newest complaint, so a deep page costs what the first one does.
    private static IQueryable<Complaint> Newest(IQueryable<Complaint> query, string? after)
    {
        if (after is not null)
        {
            var (receivedAt, id) = DecodeCursor(after, NewestPrefix);
            query = query.Where(c => c.ReceivedAt <= receivedAt && (c.ReceivedAt < receivedAt || (c.ReceivedAt == receivedAt && c.Id.CompareTo(id) < 0)));
        }

        return query.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id);
    }

    // Keyset pagination on the stored (nearest due time, id), complaints without a deadline last as PostgreSQL sorts
    // NULLs: a page is a range scan of the index on (tenant, nearest due time, id), however many complaints are open.
    private static IQueryable<Complaint> ByNearestDeadline(IQueryable<Complaint> query, string? after)
    {
        if (after is not null)
        {
            var (dueAt, id) = DecodeCursor(after, DeadlinePrefix);
            query = dueAt == NoDeadline
                ? query.Where(c => c.NearestDueAt == null && c.Id.CompareTo(id) > 0)
                : query.Where(c => c.NearestDueAt == null || c.NearestDueAt > dueAt || (c.NearestDueAt == dueAt && c.Id.CompareTo(id) > 0));
        }

        return query.OrderBy(c => c.NearestDueAt).ThenBy(c => c.Id);
    }

    public async Task<IReadOnlyList<ComplaintEvent>> HistoryAsync(Guid complaintId, CancellationToken cancellationToken)
    {
        tenantContext.RequireSignedInTenant();
        return await db.ComplaintEvents.AsNoTracking().Where(e => e.ComplaintId == complaintId).OrderBy(e => e.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The roles of the emergency team the complaint's policy formed for it; empty when it formed none.</summary>
    public async Task<IReadOnlyList<string>> EmergencyTeamAsync(Guid complaintId, CancellationToken cancellationToken)
    {
        tenantContext.RequireSignedInTenant();
        var escalations = await db.ComplaintEvents.AsNoTracking()
            .Where(e => e.ComplaintId == complaintId && e.Type == "ESCALATED")
            .OrderBy(e => e.Id)
            .Select(e => e.Data)
            .ToListAsync(cancellationToken);
        return Complaint.EmergencyTeam(escalations);
    }

    // The complaints set itself when the filter narrows nothing.
    private IQueryable<Complaint> Filtered(ComplaintFilter filter)
    {
        var query = db.Complaints.AsQueryable();
        if (filter.Statuses is { Count: > 0 } statuses)
        {
            query = query.Where(c => statuses.Contains(c.Status));
        }

        if (filter.Grades is { Count: > 0 } grades)
        {
            query = query.Where(c => c.Grade != null && grades.Contains(c.Grade.Code));
        }

        if (filter.Channels is { Count: > 0 } channels)
        {
            query = query.Where(c => channels.Contains(c.Channel));
        }

        if (filter.ReceivedFrom is { } from)
        {
            query = query.Where(c => c.ReceivedAt >= from);
        }

        if (filter.ReceivedBefore is { } before)
        {
            query = query.Where(c => c.ReceivedAt < before);
        }

        if (filter.Escalated is { } escalated)
        {
            query = query.Where(c => (c.EscalatedToRole != null) == escalated);
        }

        if (filter.EscalatedTo is { Count: > 0 } roles)
        {
            query = query.Where(c => c.EscalatedToRole != null && roles.Contains(c.EscalatedToRole));
        }

        if (filter.Kinds is { Count: > 0 } kinds)
        {
            query = query.Where(c => kinds.Contains(c.Kind));
        }

        query = filter.Owner switch
        {
            OwnerFilter.Mine => query.Where(c => c.OwnerId == tenantContext.UserId),
            OwnerFilter.Unassigned => query.Where(c => c.OwnerId == null),
            _ => query,
        };

        if (filter.Search?.Trim() is { Length: > 0 } search)
        {
            // The words as typed, wildcards included: ILIKE's own wildcards are escaped.
            var pattern = "%" + search.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(c => EF.Functions.ILike(c.Number, pattern) || EF.Functions.ILike(c.Description, pattern)
                || EF.Functions.ILike(c.Customer.Name, pattern) || EF.Functions.ILike(c.Category, pattern));
        }

        return query;
    }

    // A cursor names its order, so one of the other order is refused rather than misread.
    private const string NewestPrefix = "n";
    private const string DeadlinePrefix = "d";
    private static readonly Instant NoDeadline = Instant.MaxValue;

    private static string NewestCursor(Complaint complaint) => EncodeCursor(NewestPrefix, complaint.ReceivedAt, complaint.Id);

    private static string DeadlineCursor(Complaint complaint) =>
        EncodeCursor(DeadlinePrefix, complaint.NearestDueAt ?? NoDeadline, complaint.Id);

    private static string EncodeCursor(string prefix, Instant at, Guid id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{prefix}:{at.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture)}:{id}"));

    private static (Instant At, Guid Id) DecodeCursor(string cursor, string prefix)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split(':');
            if (parts.Length == 3 && parts[0] == prefix)
            {
                return (Instant.FromUnixTimeTicks(long.Parse(parts[1], CultureInfo.InvariantCulture)), Guid.Parse(parts[2]));
            }
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentOutOfRangeException)
        {
        }

        throw new DomainException(ErrorCode.BadUserInput, "The cursor is not one this API gave out for this order.", "after");
    }
}
