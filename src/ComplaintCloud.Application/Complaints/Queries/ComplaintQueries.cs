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
    IReadOnlyList<string>? EscalatedTo = null);

/// <summary>A page of complaints, newest first, with an opaque cursor to the next page.</summary>
public sealed record ComplaintPage(IReadOnlyList<(Complaint Complaint, string Cursor)> Items, bool HasNextPage, int TotalCount);

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

    public async Task<ComplaintPage> ListAsync(ComplaintFilter filter, int? first, string? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        tenantContext.RequireSignedInTenant();
        var size = first ?? 20;
        if (size is < 0 or > MaxPageSize)
        {
            throw new DomainException(ErrorCode.BadUserInput, $"Ask for 0 to {MaxPageSize} complaints a page.", "first");
        }

        var query = Filtered(filter);
        var totalCount = await query.CountAsync(cancellationToken);
        if (after is not null)
        {
            var (receivedAt, id) = DecodeCursor(after);
            // Keyset pagination on (received_at, id) descending: stable while complaints keep arriving.
            query = query.Where(c => c.ReceivedAt < receivedAt || (c.ReceivedAt == receivedAt && c.Id.CompareTo(id) < 0));
        }

        var rows = await query
            .OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id)
            .Take(size + 1)
            .Include(c => c.Clocks)
            .IncludeLifecycle()
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return new ComplaintPage(rows.Take(size).Select(c => (c, EncodeCursor(c))).ToList(), rows.Count > size, totalCount);
    }

    public async Task<IReadOnlyList<ComplaintEvent>> HistoryAsync(Guid complaintId, CancellationToken cancellationToken)
    {
        tenantContext.RequireSignedInTenant();
        return await db.ComplaintEvents.AsNoTracking().Where(e => e.ComplaintId == complaintId).OrderBy(e => e.Id).ToListAsync(cancellationToken);
    }

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

        return query;
    }

    private static string EncodeCursor(Complaint complaint) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $"{complaint.ReceivedAt.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture)}:{complaint.Id}"));

    private static (Instant ReceivedAt, Guid Id) DecodeCursor(string cursor)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split(':');
            return (Instant.FromUnixTimeTicks(long.Parse(parts[0], CultureInfo.InvariantCulture)), Guid.Parse(parts[1]));
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException)
        {
            throw new DomainException(ErrorCode.BadUserInput, "The cursor is not one this API gave out.", "after");
        }
    }
}
