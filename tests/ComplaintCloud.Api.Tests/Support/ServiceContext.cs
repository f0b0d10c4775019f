using ComplaintCloud.Infrastructure;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Api.Tests.Support;

/// <summary>A database context configured as the service configures its own (interceptors, connection tuning).</summary>
public static class ServiceContext
{
    public static ComplaintCloudDbContext For(string connectionString, TenantContext tenant) =>
        new ComplaintCloudDbContext((DbContextOptions<ComplaintCloudDbContext>)new DbContextOptionsBuilder<ComplaintCloudDbContext>().UseComplaintCloudDatabase(connectionString).Options)
            .WorkingFor(tenant);
}
