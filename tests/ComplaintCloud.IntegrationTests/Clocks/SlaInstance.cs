using ComplaintCloud.Application;
using ComplaintCloud.Application.Clocks;
using ComplaintCloud.Application.Complaints.Intake;
using ComplaintCloud.Application.Tenants;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Infrastructure;
using ComplaintCloud.Infrastructure.Auth;
using ComplaintCloud.Infrastructure.Data.Security;
using ComplaintCloud.Infrastructure.Tenancy;
using ComplaintCloud.Plugins.Abstractions;
using ComplaintCloud.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using Npgsql;

namespace ComplaintCloud.IntegrationTests.Clocks;

/// <summary>
/// One instance of the service's SLA side — its own container, connections (named after it, so a test can find and
/// kill them) and Quartz scheduler — over a shared database, driven by a shared fake clock.
/// </summary>
public sealed class SlaInstance : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _started;

    private SlaInstance(IHost host, string name)
    {
        _host = host;
        Name = name;
    }

    public string Name { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>An instance whose hosted services (Quartz, start-up arming, the alert listener) are not started:
    /// tests drive its processing directly.</summary>
    public static async Task<SlaInstance> CreateAsync(
        DatabaseConnections connections, FakeClock clock, string name, int batchSize = 200, Action<IServiceCollection>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(connections);
        var builder = Host.CreateApplicationBuilder();
        // As the service runs: the ordinary runtime role, under row-level security.
        var named = new NpgsqlConnectionStringBuilder(connections.Runtime) { ApplicationName = name }.ConnectionString;
        builder.Services.AddInfrastructure(named, Path.Combine(Checkout.Root(), "artifacts", "plugins"), new AuthSettings(new string('k', 48), TimeSpan.FromHours(1), new Uri("http://127.0.0.1/reset-password")));
        builder.Services.AddApplication();
        builder.Services.AddSingleton<IClock>(clock);
        builder.Services.AddSingleton(new SlaProcessingOptions(batchSize));
        configure?.Invoke(builder.Services);
        var instance = new SlaInstance(builder.Build(), name);
        await DatabaseMigrator.MigrateAsync(connections, NullLogger.Instance);
        return instance;
    }

    /// <summary>Starts the hosted services, as the real service does.</summary>
    public Task StartAsync()
    {
        _started = true;
        return _host.StartAsync();
    }

    public async Task<AuthResult> SignUpAsync(string policyId, string? slug = null)
    {
        await using var scope = Services.CreateAsyncScope();
        slug ??= "t-" + Guid.NewGuid().ToString("N")[..12];
        return await scope.ServiceProvider.GetRequiredService<SignUpHandler>().HandleAsync(
            new SignUpCommand("Test " + slug, slug, $"admin@{slug}.example", "a-long-password", policyId), CancellationToken.None);
    }

    /// <summary>Submits a calm single-customer complaint through intake, as the tenant's admin.</summary>
    public async Task<Complaint> SubmitAsync(
        AuthResult tenant, decimal amountInvolved = 100, string contact = "138-0000-0000", string description = "The wine is cloudy.")
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().SignIn(tenant.Tenant.Id, tenant.User.Id, tenant.User.Roles);
        // A category of the tenant's own tree: the general enterprise knows no "product/quality".
        var category = tenant.Tenant.Policy.PolicyId == "winery" ? "product/quality" : "product/below-spec";
        var intake = new ComplaintIntake(
            Channel.Phone, FeedbackKind.Complaint, category, description,
            new Customer("Wang", contact, null, CustomerTier.Normal), "refund", amountInvolved, IntakeFacts.None);
        return await scope.ServiceProvider.GetRequiredService<SubmitComplaintHandler>().HandleAsync(new SubmitComplaintCommand(intake, null), CancellationToken.None);
    }

    /// <summary>Handles the tenant's due clocks as a fired job would; returns when the tenant next needs handling.</summary>
    public async Task<Instant?> ProcessDueAsync(Guid tenantId)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DueClockProcessor>().ProcessDueAsync(tenantId, CancellationToken.None);
    }

    /// <summary>Handles a batch of each tenant's due clocks in one transaction, as a sweep under load does; returns how
    /// many.</summary>
    public async Task<int> SweepAsync(IReadOnlyList<Guid> tenantIds)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DueClockProcessor>().SweepAsync(tenantIds, CancellationToken.None);
    }

    /// <summary>A scope acting for the tenant, for reading what happened.</summary>
    public AsyncServiceScope ScopeFor(Guid tenantId)
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(tenantId);
        return scope;
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            await _host.StopAsync();
        }

        _host.Dispose();
    }
}
