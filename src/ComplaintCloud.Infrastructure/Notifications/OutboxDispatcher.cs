using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Telemetry;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ComplaintCloud.Infrastructure.Notifications;

/// <summary>
/// Delivers pending outbox messages through their channels, tenant by tenant, each batch under
/// <c>FOR UPDATE SKIP LOCKED</c> so two processes never send the same message at once. A failed delivery is retried
/// with exponential backoff (<see cref="OutboxMessage.AttemptFailed"/>); a message whose channel is not configured
/// waits for it.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IClock clock, ILogger<OutboxDispatcher> logger)
{
    public const int BatchSize = 50;

    /// <summary>Sends every message due now; returns how many were attempted.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        await using var scope = scopes.CreateAsyncScope();
        var channels = scope.ServiceProvider.GetServices<INotificationChannel>().ToDictionary(c => c.Name, StringComparer.Ordinal);
        var names = channels.Keys.ToArray();
        // Across tenants by design: which tenants have mail (a function answering tenants only); each is then served
        // in a scope of its own, under row-level security.
        var tenants = await scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>().Database
            .SqlQuery<Guid>($"SELECT t AS \"Value\" FROM complaintcloud_tenants_with_due_mail({now}, {names}) AS t")
            .ToListAsync(cancellationToken);
        var attempted = 0;
        foreach (var tenantId in tenants)
        {
            attempted += await DispatchTenantAsync(tenantId, now, channels, cancellationToken);
        }

        ComplaintCloudTelemetry.OutboxRoundFound(attempted);

        return attempted;
    }

    private async Task<int> DispatchTenantAsync(Guid tenantId, Instant now, Dictionary<string, INotificationChannel> channels, CancellationToken cancellationToken)
    {
        var names = channels.Keys.ToArray();
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.OutboxMessages
            .FromSql($"""
                SELECT * FROM notification_outbox
                WHERE tenant_id = {tenantId} AND sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= {now} AND channel = ANY({names})
                ORDER BY next_attempt_at
                LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .IgnoreQueryFilters()
            .ToListAsync(cancellationToken);
        foreach (var message in due)
        {
            try
            {
                await channels[message.Channel].SendAsync(message, cancellationToken);
                message.Sent(clock.GetCurrentInstant());
                ComplaintCloudTelemetry.OutboxDelivery(message.Channel, sent: true);
            }
#pragma warning disable CA1031 // Whatever a channel throws fails that delivery, to be retried with backoff.
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                logger.LogWarning(e, "Delivering outbox message {MessageId} through {Channel} failed.", message.Id, message.Channel);
                message.AttemptFailed(clock.GetCurrentInstant(), e.Message);
                ComplaintCloudTelemetry.OutboxDelivery(message.Channel, sent: false);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }
}

/// <summary>Runs the dispatcher every two seconds.</summary>
internal sealed class OutboxDispatchLoop(OutboxDispatcher dispatcher, ILogger<OutboxDispatchLoop> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await dispatcher.DispatchDueAsync(stoppingToken);
            }
#pragma warning disable CA1031 // A failed round (database away) is logged and the next tick tries again.
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                logger.LogError(e, "Dispatching the outbox failed.");
            }
        }
    }
}
