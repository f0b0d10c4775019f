using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Infrastructure.Tenancy;

/// <summary>
/// Queries whose best plan depends on how many rows their tenant holds. From a prepared statement's sixth run
/// PostgreSQL reuses one generic plan made for an average tenant; among 1,000 tenants that plan read all 200,000
/// complaints of the largest to show a page of 20 (docs/load.md). A query tagged here is planned for its own values on
/// every run: <see cref="TenantSessionInterceptor"/> sets <c>plan_cache_mode</c> for its round trip alone, so the
/// statements of intake and the reads by id keep their generic plans and save the planning.
/// </summary>
public static class TenantPlans
{
    public const string Tag = "planned for its tenant";

    public static IQueryable<T> PlannedForItsTenant<T>(this IQueryable<T> query) => query.TagWith(Tag);
}
