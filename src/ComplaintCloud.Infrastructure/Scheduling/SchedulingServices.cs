using ComplaintCloud.Infrastructure.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Quartz;

namespace ComplaintCloud.Infrastructure.Scheduling;

public static class SchedulingServices
{
    /// <summary>
    /// The Quartz scheduler name, which is what makes processes one cluster: every process on the same database
    /// shares it, and it differs per database so that hosts on different databases can share one test process.
    /// </summary>
    public static string SchedulerNameFor(string connectionString) =>
        "complaintcloud-sla-" + new NpgsqlConnectionStringBuilder(connectionString).Database;

    // Tenants handled at once by one process; their batches are database-bound, so a few per core.
    private const int Threads = 8;

    /// <summary>Quartz on its persistent PostgreSQL job store, clustered, with the tenants' SLA triggers.</summary>
    public static IServiceCollection AddSlaScheduling(this IServiceCollection services, string connectionString)
    {
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = SchedulerNameFor(connectionString);
                // Triggers armed by another process are seen within a second, not Quartz's default 30.
                scheduler.IdleWaitTime = TimeSpan.FromSeconds(1);
                // One acquisition takes as many tenants' due triggers as there are threads to run them.
                scheduler.MaxBatchSize = Threads;
            });
            quartz.UseDefaultThreadPool(pool => pool.MaxConcurrency = Threads);
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.UseClustering(cluster =>
                {
                    cluster.CheckinInterval = TimeSpan.FromSeconds(5);
                    cluster.CheckinMisfireThreshold = TimeSpan.FromSeconds(10);
                });
                store.UseSystemTextJsonSerializer();
                store.ConfigureStore(options =>
                {
                    // Our migration creates the tables; a missing one fails the start instead of the first trigger.
                    options.SchemaProvisioning = SchemaProvisioning.Validate;
                    options.AcquireTriggersWithinLock = true;
                });
            });
        });
        // Sla:Cluster:CheckinInterval and :CheckinMisfireThreshold, when set, override the two above: how soon the
        // others take over a node that died.
        services.AddOptions<ClusteringOptions>().BindConfiguration("Sla:Cluster");
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.AddSingleton<SlaTriggers>();
        services.AddSingleton<SlaSweep>();
        services.AddScoped<ClockArming>();
        services.AddHostedService<ArmTenantsOnStart>();
        services.AddSingleton<ClockAlertFeed>();
        services.AddHostedService(provider => new ClockAlertListener(
            connectionString, provider.GetRequiredService<ClockAlertFeed>(), provider.GetRequiredService<ILogger<ClockAlertListener>>()));
        return services;
    }
}

/// <summary>
/// Arms every tenant that has clocks to watch when the service starts, so deadlines that passed while it was down
/// are handled at once (a due instant in the past fires immediately) and a lost trigger is recreated.
/// </summary>
internal sealed class ArmTenantsOnStart(IServiceScopeFactory scopes, SlaTriggers triggers) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => TenantClockJob.ArmTenantsAsync(scopes, triggers, only: null, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
