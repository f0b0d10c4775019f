using ComplaintCloud.Infrastructure.Auth;
using ComplaintCloud.Infrastructure.Billing;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Plugins;
using ComplaintCloud.Infrastructure.Scheduling;
using ComplaintCloud.Infrastructure.Tenancy;
using ComplaintCloud.Domain.Tenants;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using Npgsql;

namespace ComplaintCloud.Infrastructure;

public static class InfrastructureServices
{
    /// <summary>Data, tenancy, plugins, token issuing and billing.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, string connectionString, string pluginsPath, AuthSettings auth)
    {
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddScoped<TenantContext>();
        // Contexts are leased from a pool (their options built once, their internal services kept between leases),
        // so the interceptors are singletons; each scope's lease works for the scope's tenant and goes back when the
        // scope ends.
        services.AddPooledDbContextFactory<ComplaintCloudDbContext>(
            (provider, options) => options
                .UseComplaintCloudDatabase(connectionString)
                // Every interceptor in the container, in the order registered: ClockArming, and whatever a host adds.
                .AddInterceptors(provider.GetServices<IInterceptor>()));
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<ComplaintCloudDbContext>>()
            .CreateDbContext().WorkingFor(provider.GetRequiredService<TenantContext>()));
        services.AddSlaScheduling(connectionString);
        services.AddScoped<TenantDirectory>();
        services.AddScoped<PlatformDirectory>();
        services.AddSingleton(provider => new PolicyCatalog(pluginsPath, provider.GetRequiredService<ILogger<PolicyCatalog>>()));
        services.AddSingleton<PolicyGuard>();
        services.AddSingleton<TenantPolicies>();
        services.AddSingleton(auth);
        services.AddSingleton<TokenService>();
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        // Billing reads Stripe:* and Billing:* from the host's configuration; without a Stripe key it is off.
        services.AddSingleton(provider => BillingSettings.From(provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton<StripeBilling>();
        services.AddHostedService<BillingStartupLog>();
        return services;
    }

    public static DbContextOptionsBuilder UseComplaintCloudDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(Tuned(connectionString), npgsql => npgsql.UseNodaTime())
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(TenantSessionInterceptor.Instance);

    // The statements run most (SLA batches, intake, reads by id) are parsed once per connection instead of on every
    // call. A connection string that sets its own limit keeps it. The pool's reset is
    // what clears a connection's tenant setting before the next user (TenantSessionInterceptor), so it may not be
    // turned off.
    private static string Tuned(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.NoResetOnClose)
        {
            throw new ArgumentException(
                "The connection string sets No Reset On Close: a pooled connection would keep the tenant it last worked for. Remove it.",
                nameof(connectionString));
        }

        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
        }

        return builder.ConnectionString;
    }
}
