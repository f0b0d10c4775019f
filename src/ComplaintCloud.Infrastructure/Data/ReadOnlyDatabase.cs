using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintCloud.Infrastructure.Data;

/// <summary>
/// The database that reports and exports read: <c>ConnectionStrings:ComplaintCloudReadOnly</c>, a streaming replica
/// (a role like the service's, under the same row-level security), else the service's own connection. A context
/// keyed <see cref="Key"/>, scoped to the request's tenant like the ordinary one; it never writes.
/// </summary>
public static class ReadOnlyDatabase
{
    public const string Key = "read-only";

    public static IServiceCollection AddReadOnlyDatabase(this IServiceCollection services, string connectionString)
    {
        var options = (DbContextOptions<ComplaintCloudDbContext>)new DbContextOptionsBuilder<ComplaintCloudDbContext>()
            .UseComplaintCloudDatabase(connectionString).Options;
        services.AddSingleton(new ReadOnlyContexts(options));
        services.AddKeyedScoped(Key, (provider, _) => provider.GetRequiredService<ReadOnlyContexts>().Create(provider.GetRequiredService<TenantContext>()));
        return services;
    }
}

/// <summary>Makes further read-only contexts for a scope's tenant: a query that runs statements side by side needs a
/// connection for each.</summary>
public sealed class ReadOnlyContexts(DbContextOptions<ComplaintCloudDbContext> options)
{
    public ComplaintCloudDbContext Create(TenantContext tenantContext) => new ComplaintCloudDbContext(options).WorkingFor(tenantContext);
}
