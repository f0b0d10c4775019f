using ComplaintCloud.Infrastructure.Auth;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Plugins;
using ComplaintCloud.Infrastructure.Tenancy;
using ComplaintCloud.Domain.Tenants;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ComplaintCloud.Infrastructure;

public static class InfrastructureServices
{
    /// <summary>Data, tenancy, plugins and token issuing.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, string connectionString, string pluginsPath, AuthSettings auth)
    {
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddScoped<TenantContext>();
        services.AddScoped<TenantDirectory>();
        services.AddScoped<PlatformDirectory>();
        services.AddDbContext<ComplaintCloudDbContext>(options => options.UseComplaintCloudDatabase(connectionString));
        services.AddSingleton(provider => new PolicyCatalog(pluginsPath, provider.GetRequiredService<ILogger<PolicyCatalog>>()));
        services.AddSingleton<PolicyGuard>();
        services.AddSingleton<TenantPolicies>();
        services.AddSingleton(auth);
        services.AddSingleton<TokenService>();
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        return services;
    }

    public static DbContextOptionsBuilder UseComplaintCloudDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.UseNodaTime())
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(TenantSessionInterceptor.Instance);
}
