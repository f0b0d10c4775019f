using System.Text.Json;
using ComplaintCloud.Application.Notifications;
using ComplaintCloud.Application.Penalties;
using ComplaintCloud.Domain.Clocks;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Notifications;
using ComplaintCloud.Domain.Penalties;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Data.Security;
using ComplaintCloud.Infrastructure.Notifications;
using ComplaintCloud.Infrastructure.Scheduling;
using ComplaintCloud.Infrastructure.Telemetry;
using ComplaintCloud.Infrastructure.Tenancy;
using ComplaintCloud.Plugins.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using NodaTime;
using Npgsql;

namespace ComplaintCloud.Application.Clocks;

/// <summary>
/// Handles a tenant's due clocks: takes a batch with <c>FOR UPDATE SKIP LOCKED</c> (so racing handlers split the work
/// instead of doubling it), warns or breaches each, runs the policy's escalation chain and books its penalties, writes
/// it all — alert, events, ledger lines, notifications — set-based in the batch's one transaction, and announces the
/// alerts on commit. The clock_alerts key (clock, occasion) makes each warning and breach happen once whatever races it.
/// </summary>
public sealed class DueClockProcessor(
    ComplaintCloudDbContext db,
    TenantContext tenantContext,
    SlaPolicyAnswers policyAnswers,
    PenaltyAttributions penaltyAttributions,
    IClock clock,
    SlaProcessingOptions options,
    ILogger<DueClockProcessor> logger) : IDueClockProcessor
{
    private static readonly PenaltyAttribution WarningsBookNoPenalties = new(null, null, null);

    public async Task<Instant?> ProcessDueAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        while (await ProcessBatchAsync(tenantId, cancellationToken) == options.BatchSize)
        {
        }

        return await db.SlaClocks.Where(c => c.NextAlertAt != null).MinAsync(c => c.NextAlertAt, cancellationToken);
    }

    /// <summary>Handles up to a batch of due clocks in one transaction; returns how many.</summary>
    public async Task<int> ProcessBatchAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        tenantContext.UseTenant(tenantId);
        var now = clock.GetCurrentInstant();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var alerts = await HandleBatchAsync([tenantId], now, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        ComplaintCloudTelemetry.ClockAlertsHandled(alerts, clock.GetCurrentInstant());
        return alerts.Count;
    }

    /// <summary>
    /// Handles up to a batch of the due clocks of <paramref name="tenantIds"/>, most overdue first, in one transaction
    /// (a sweep under load, where each tenant has only a few clocks due at a time); returns how many. The scope acts for
    /// no tenant: the transaction names the swept tenants to row-level security (its sla_sweep policy), so its
    /// statements see those tenants' rows and no others.
    /// </summary>
    public async Task<int> SweepAsync(IReadOnlyList<Guid> tenantIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantIds);
        if (tenantContext.TenantId is not null)
        {
            throw new InvalidOperationException("A sweep runs in a scope that acts for no tenant.");
        }

        var now = clock.GetCurrentInstant();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"SELECT set_config({RowLevelSecurity.SweptTenantsSetting}, {"{" + string.Join(',', tenantIds) + "}"}, true)", cancellationToken);
        var alerts = await HandleBatchAsync(tenantIds, now, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        ComplaintCloudTelemetry.ClockAlertsHandled(alerts, clock.GetCurrentInstant());
        return alerts.Count;
    }

    // The alerts written, to be counted once their transaction commits.
    private async Task<IReadOnlyList<ClockAlert>> HandleBatchAsync(IReadOnlyList<Guid> tenantIds, Instant now, IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        // The batch, its complaints and tenants in one round trip. Both the clocks and their complaints are locked, and
        // a clock whose complaint a lifecycle step holds is left for the next round: the batch writes complaints too,
        // and waiting for a row that step holds while holding the clock it will write next would be a deadlock. The
        // complaint is locked first: a row skipped keeps what was locked before the skip, and a clock locked but not
        // taken would be skipped by every other handler until this one commits, and then be left over. Nothing is
        // tracked: what changes is written set-based below. Filtered by tenant here and by row-level security, not by
        // the query filters, which know only the scope's tenant.
        var ids = tenantIds.ToArray();
        var due = await (
                from slaClock in db.SlaClocks.FromSql($"""
                    SELECT sla_clocks.* FROM sla_clocks JOIN complaints ON complaints.id = sla_clocks.complaint_id
                    WHERE sla_clocks.tenant_id = ANY({ids}) AND sla_clocks.next_alert_at <= {now}
                    ORDER BY sla_clocks.next_alert_at
                    LIMIT {options.BatchSize}
                    FOR UPDATE OF complaints, sla_clocks SKIP LOCKED
                    """)
                join complaint in db.Complaints on slaClock.ComplaintId equals complaint.Id
                join tenant in db.Tenants on slaClock.TenantId equals tenant.Id
                select new { Clock = slaClock, Complaint = complaint, Tenant = tenant })
            .IgnoreQueryFilters()
            // One object per tenant for the batch, not one per clock.
            .AsNoTrackingWithIdentityResolution()
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return [];
        }

        // Whom penalties fall on is read only for batches that can book any: breaches.
        var attributions = due.Any(d => d.Clock.BreachDueAt(now))
            ? await penaltyAttributions.OfAsync([.. due.Select(d => d.Complaint.Id).Distinct()], cancellationToken)
            : null;
        var writes = new Consequences();
        foreach (var (slaClock, complaint, tenant) in due.Select(d => (d.Clock, d.Complaint, d.Tenant)))
        {
            if (complaint.Status is ComplaintStatus.Closed or ComplaintStatus.Withdrawn)
            {
                // Nothing of a complaint that is over can breach: a clock left open with it (the lifecycle stops them) is stopped.
                slaClock.Stop(now, tenant.Calendar());
                writes.Clocks.Add(slaClock);
                writes.StoppedFor.Add(complaint.Id);
                writes.Events.Add(ComplaintEvent.Record(complaint, "CLOCK_STOPPED", null, now, JsonSerializer.Serialize(new { clockId = slaClock.Id, kind = slaClock.Kind })));
                continue;
            }

            var attribution = attributions?[complaint.Id] ?? WarningsBookNoPenalties;
            var alert = ClockAlert.Raise(slaClock, now);
            writes.Clocks.Add(slaClock);
            writes.Alerts.Add(alert);
            await RecordConsequencesAsync(tenant, complaint, attribution, slaClock, alert, writes);
            writes.Notices.Add(ClockAlertFeed.Serialize(new ClockAlertNotice(alert.TenantId, alert.ComplaintId, alert.ClockId, alert.ClockKind, alert.Occasion, alert.DueAt, now)));
        }

        // One statement for all of it. The tenant's trigger needs no arming: it is armed no later than the clocks' old
        // alerts, and handling only moves them later, so it fires in time and re-arms from the database.
        await ExecuteAsync(new BulkWrite(db)
            .Update(writes.Clocks)
            .Update([.. writes.Escalated], nameof(Complaint.EscalatedToRole))
            .Insert(writes.Alerts)
            .Insert(writes.Events)
            .Insert(writes.Penalties)
            .Insert(writes.Messages)
            // Delivered by PostgreSQL on commit only, to the listener of every process.
            .ThenSelect("SELECT pg_notify(@s0, payload) FROM unnest(@s1) AS payload", ClockAlertFeed.Channel, writes.Notices.ToArray()),
            transaction, cancellationToken);

        await TrackNearestDeadlinesAsync(writes.StoppedFor, transaction, cancellationToken);
        logger.LogDebug("Handled {Count} due clocks of {Tenants} tenants in {Elapsed} ms.", due.Count, ids.Length, (clock.GetCurrentInstant() - now).TotalMilliseconds);
        return writes.Alerts;
    }

    // The complaints whose clocks the batch stopped derive their stored nearest deadline again, from all their clocks
    // as now written (a batch holds only their due ones).
    private async Task TrackNearestDeadlinesAsync(HashSet<Guid> complaintIds, IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        if (complaintIds.Count == 0)
        {
            return;
        }

        var complaints = await db.Complaints.IgnoreQueryFilters().AsNoTracking().Include(c => c.Clocks)
            .Where(c => complaintIds.Contains(c.Id))
            .ToListAsync(cancellationToken);
        complaints.ForEach(c => c.TrackNearestDeadline());
        await ExecuteAsync(new BulkWrite(db).Update(complaints, nameof(Complaint.NearestDueAt)).ThenSelect("SELECT 1"), transaction, cancellationToken);
    }

    private async Task ExecuteAsync(NpgsqlCommand write, IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        await using (write)
        {
            write.Connection = (NpgsqlConnection)db.Database.GetDbConnection();
            write.Transaction = (NpgsqlTransaction)transaction.GetDbTransaction();
            await write.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task RecordConsequencesAsync(
        Tenant tenant, Complaint complaint, PenaltyAttribution attribution, SlaClock slaClock, ClockAlert alert, Consequences writes)
    {
        var breached = alert.Occasion == ClockOccasion.Breached;
        var occasionKey = $"clock:{slaClock.Id}:{alert.Occasion}";
        var (steps, rules, policyError) = await AskPolicyAsync(tenant, complaint, breached);
        Record(breached ? "CLOCK_BREACHED" : "CLOCK_WARNED", new
        {
            clockId = slaClock.Id,
            kind = slaClock.Kind,
            dueAt = alert.DueAt.ToString(),
            policyError,
        });

        var escalatedBefore = complaint.EscalatedToRole;
        complaint.EscalateByPolicy(steps, new EscalationCause(alert.Occasion.ToString(), slaClock.Id, slaClock.Kind), alert.At);
        writes.Events.AddRange(complaint.TakeNewEvents());
        if (complaint.EscalatedToRole != escalatedBefore)
        {
            writes.Escalated.Add(complaint);
        }

        // Every step but a raised grade is told to its role; raising the grade belongs to the lifecycle.
        writes.Messages.AddRange(EscalationNotices.For(
            complaint, steps, breached ? MessageKind.ClockBreached : MessageKind.ClockWarning, occasionKey, alert.At,
            ("clock", slaClock.Kind), ("dueAt", Notify.LocalTime(alert.DueAt, tenant.Calendar().Zone))));

        foreach (var booking in PenaltyBooking.Book(complaint, rules, PenaltyOccasion.DeadlineMissed, occasionKey, attribution, null, alert.At, slaClock.Id))
        {
            writes.Penalties.Add(booking.Entry);
            writes.Events.Add(booking.Event);
        }

        void Record(string type, object data) =>
            writes.Events.Add(ComplaintEvent.Record(complaint, type, null, alert.At, JsonSerializer.Serialize(data)));
    }

    private async Task<SlaPolicyAnswer> AskPolicyAsync(Tenant tenant, Complaint complaint, bool breached) =>
        complaint.Grade is { } grade
            ? await policyAnswers.ForAsync(tenant, complaint, grade.Code, breached)
            : new SlaPolicyAnswer([], [], null);

    /// <summary>Everything one batch writes.</summary>
    private sealed class Consequences
    {
        public List<SlaClock> Clocks { get; } = [];
        public HashSet<Complaint> Escalated { get; } = [];
        public HashSet<Guid> StoppedFor { get; } = [];
        public List<ClockAlert> Alerts { get; } = [];
        public List<ComplaintEvent> Events { get; } = [];
        public List<PenaltyEntry> Penalties { get; } = [];
        public List<OutboxMessage> Messages { get; } = [];
        public List<string> Notices { get; } = [];
    }
}

/// <summary>How many clocks one transaction handles: large enough to amortise the round trips, small enough to keep
/// row locks short and let another process take the next batch.</summary>
public sealed record SlaProcessingOptions(int BatchSize = 200);
