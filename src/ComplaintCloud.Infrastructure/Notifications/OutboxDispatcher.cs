using System.Text.Json;
using ComplaintCloud.Domain.Complaints;
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
/// with exponential backoff (<see cref="OutboxMessage.AttemptFailed"/>), and one given up on is recorded in its
/// complaint's history. A message whose channel is not configured waits for it, unless the webhook carries it.
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
        var names = Carried(channels);
        // Across tenants by design: which tenants have mail (a function answering tenants only); each is then served
        // in a scope of its own, under row-level security.
        var tenants = await scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>().Database
            .SqlQuery<Guid>($"SELECT t AS \"Value\" FROM complaintcloud_tenants_with_due_mail({now}, {names}) AS t")
            .ToListAsync(cancellationToken);
        var attempted = 0;
        foreach (var tenantId in tenants)
        {
            attempted += await DispatchTenantAsync(tenantId, now, channels, names, cancellationToken);
        }

        ComplaintCloudTelemetry.OutboxRoundFound(attempted);

        return attempted;
    }

    // The webhook, when configured, also carries the e-mails and texts of a deployment that sends none itself.
    private static string[] Carried(Dictionary<string, INotificationChannel> channels) =>
        channels.ContainsKey(WebhookChannel.ChannelName)
            ? [.. channels.Keys.Union([EmailChannel.ChannelName, SmsChannel.ChannelName])]
            : [.. channels.Keys];

    private async Task<int> DispatchTenantAsync(
        Guid tenantId, Instant now, Dictionary<string, INotificationChannel> channels, string[] names, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>();
        var composer = scope.ServiceProvider.GetRequiredService<NotificationComposer>();
        var followUps = scope.ServiceProvider.GetServices<IDeliveryFollowUp>().ToList();
        var sender = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => new Sender(t.Id, t.Slug, t.Name)).SingleAsync(cancellationToken);
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
                var channel = channels.GetValueOrDefault(message.Channel) ?? channels[WebhookChannel.ChannelName];
                await channel.SendAsync(await composer.ComposeAsync(message, sender, cancellationToken), cancellationToken);
                message.Sent(clock.GetCurrentInstant());
                ComplaintCloudTelemetry.OutboxDelivery(message.Channel, sent: true);
            }
#pragma warning disable CA1031 // Whatever a channel throws fails that delivery, to be retried with backoff.
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                logger.LogWarning(e, "Delivering outbox message {MessageId} through {Channel} failed.", message.Id, message.Channel);
                message.AttemptFailed(clock.GetCurrentInstant(), e.Message);
                await RecordGivingUpAsync(db, message, cancellationToken);
                ComplaintCloudTelemetry.OutboxDelivery(message.Channel, sent: false);
                continue;
            }

            await FollowUpAsync(followUps, message, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }

    /// <summary>What a delivery settles (<see cref="IDeliveryFollowUp"/>). It cannot undo the delivery: when it fails,
    /// the message stays sent and what it would have settled is left to people.</summary>
    private async Task FollowUpAsync(List<IDeliveryFollowUp> followUps, OutboxMessage message, CancellationToken cancellationToken)
    {
        foreach (var followUp in followUps)
        {
            try
            {
                await followUp.DeliveredAsync(message, cancellationToken);
            }
#pragma warning disable CA1031 // Whatever the follow-up throws, the message went out and must not be sent again.
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                logger.LogWarning(e, "Following up the delivery of outbox message {MessageId} failed.", message.Id);
            }
        }
    }

    /// <summary>A message given up on shows in its complaint's history, where the desk sees that the customer or a
    /// colleague was not told.</summary>
    private static async Task RecordGivingUpAsync(ComplaintCloudDbContext db, OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message is not { FailedAt: { } failedAt, ComplaintId: { } complaintId })
        {
            return;
        }

        var complaint = await db.Complaints.AsNoTracking().SingleAsync(c => c.Id == complaintId, cancellationToken);
        db.ComplaintEvents.Add(ComplaintEvent.Record(complaint, "NOTIFICATION_FAILED", null, failedAt, JsonSerializer.Serialize(new
        {
            messageId = message.Id,
            topic = message.Topic,
            channel = message.Channel,
            recipient = message.Recipient,
            attempts = message.Attempts,
            error = message.LastError,
        })));
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
