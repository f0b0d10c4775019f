using Microsoft.EntityFrameworkCore.Design;

namespace ComplaintCloud.Infrastructure.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service; it never connects.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ComplaintCloudDbContext>
{
    public ComplaintCloudDbContext CreateDbContext(string[] args) => ComplaintCloudDbContext.Create("Host=127.0.0.1");
}
