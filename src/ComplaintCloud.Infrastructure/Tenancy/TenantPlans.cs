using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Infrastructure.Tenancy;

/// <summary>
/// Queries whose plan <see cref="TenantSessionInterceptor"/> chooses for PostgreSQL, by settings local to the query's
/// own round trip; other statements keep PostgreSQL's choice (a prepared statement's generic plan from its sixth run,
/// which saves intake's statements and the reads by id their planning).
/// </summary>
public static class TenantPlans
{
    /// <summary>Planned for its own values on every run: how many rows its tenant holds decides the plan.</summary>
    public const string ForItsTenantTag = "planned for its tenant";

    /// <summary>
    /// Planned once for every tenant, without bitmap scans: a page whose only condition is its tenant, its ids read from
    /// an index in the page's order.
    /// A generic plan cannot turn that into a read of the whole tenant and a sort, which PostgreSQL's estimate for an
    /// average tenant once chose for one of 200,000 complaints (docs/load.md); planning each run cost more than running it.
    /// </summary>
    public const string OnceInIndexOrderTag = "planned once, in index order";

    public static IQueryable<T> PlannedForItsTenant<T>(this IQueryable<T> query) => query.TagWith(ForItsTenantTag);

    public static IQueryable<T> PlannedOnceInIndexOrder<T>(this IQueryable<T> query) => query.TagWith(OnceInIndexOrderTag);
}
