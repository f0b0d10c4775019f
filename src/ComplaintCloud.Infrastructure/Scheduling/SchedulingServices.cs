using ComplaintCloud.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
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
        services.AddSingleton<ClockArming>();
        services.AddSingleton<IInterceptor>(provider => provider.GetRequiredService<ClockArming>());
        services.AddSingleton<LostTriggerRecovery>();
        services.AddHostedService(provider => provider.GetRequiredService<LostTriggerRecovery>());
        services.AddSingleton<ClockAlertFeed>();
        services.AddHostedService(provider => new ClockAlertListener(
            connectionString, provider.GetRequiredService<ClockAlertFeed>(), provider.GetRequiredService<ILogger<ClockAlertListener>>()));
        return services;
    }
}

/// <summary>
/// Arms tenants whose trigger may be missing. Once the service has started (in the background, so that a database
/// of many tenants does not hold up readiness): every tenant that has clocks to watch, so deadlines that passed
/// while it was down are handled at once (a due instant in the past fires immediately) and a lost trigger is
/// recreated. Then once a minute, every tenant whose next alert is more than a minute overdue: a clock is saved
/// before its tenant's trigger is armed, and when that arm fails (the database gone for a moment, the node killed
/// right after the commit) the clock would otherwise wait for the next start. This makes it late by a minute or two.
/// </summary>
public sealed class LostTriggerRecovery(
    IServiceScopeFactory scopes, SlaTriggers triggers, IClock clock, IHostApplicationLifetime lifetime, ILogger<LostTriggerRecovery> logger)
    : BackgroundService
{
    public static readonly Duration Grace = Duration.FromMinutes(1);

    private Task ArmAllAsync(CancellationToken cancellationToken) =>
        TenantClockJob.ArmTenantsAsync(scopes, triggers, (_, _) => true, cancellationToken);

    public Task RecoverAsync(CancellationToken cancellationToken)
    {
        var overdue = clock.GetCurrentInstant() - Grace;
        return TenantClockJob.ArmTenantsAsync(scopes, triggers, (_, next) => next < overdue, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // After every hosted service, the scheduler's included, has started: the start's own work comes first.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        await TryAsync(ArmAllAsync, stoppingToken);
        using var timer = new PeriodicTimer(Grace.ToTimeSpan());
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await TryAsync(RecoverAsync, stoppingToken);
        }
    }

    private async Task TryAsync(Func<CancellationToken, Task> arm, CancellationToken stoppingToken)
    {
        try
        {
            await arm(stoppingToken);
        }
#pragma warning disable CA1031 // The next tick tries again; recovery must not stop the host.
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            logger.LogWarning(e, "Arming the tenants with SLA alerts failed; trying again in {Grace}.", Grace);
        }
    }
}
