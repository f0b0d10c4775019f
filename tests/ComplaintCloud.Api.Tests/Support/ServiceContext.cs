using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;

namespace ComplaintCloud.Api.Tests.Support;

/// <summary>A database context configured as the service configures its own (interceptors, connection tuning).</summary>
public static class ServiceContext
{
    public static ComplaintCloudDbContext For(string connectionString, TenantContext tenant) =>
        ComplaintCloudDbContext.Create(connectionString).WorkingFor(tenant);
}
