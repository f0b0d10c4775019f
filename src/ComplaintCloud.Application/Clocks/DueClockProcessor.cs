using System.Text.Json;
using ComplaintCloud.Application.Penalties;
using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Clocks;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Penalties;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Notifications;
using ComplaintCloud.Infrastructure.Scheduling;
using ComplaintCloud.Infrastructure.Tenancy;
using ComplaintCloud.Plugins.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ComplaintCloud.Application.Clocks;

/// <summary>
/// Handles a tenant's due clocks: takes a batch with <c>FOR UPDATE SKIP LOCKED</c> (so racing handlers split the work
/// instead of doubling it), warns or breaches each, runs the policy's escalation chain and books its penalties, writes
/// it all — alert, events, ledger lines, notifications — in the batch's one transaction, and announces the alerts on
/// commit. The clock_alerts key (clock, occasion) makes each warning and breach happen once whatever races it.
/// </summary>
public sealed class DueClockProcessor(
    ComplaintCloudDbContext db,
    TenantContext tenantContext,
    ComplaintPolicyCalls policy,
    PenaltyAttributions penaltyAttributions,
    IClock clock,
    SlaProcessingOptions options,
    ILogger<DueClockProcessor> logger) : IDueClockProcessor
{

    public async Task<Instant?> ProcessDueAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        tenantContext.UseTenant(tenantId);
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
        var due = await db.SlaClocks
            .FromSql($"""
                SELECT * FROM sla_clocks
                WHERE tenant_id = {tenantId} AND next_alert_at <= {now}
                ORDER BY next_alert_at
                LIMIT {options.BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .IgnoreQueryFilters()
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var tenant = await db.Tenants.SingleAsync(t => t.Id == tenantId, cancellationToken);
        var complaintIds = due.Select(c => c.ComplaintId).Distinct().ToList();
        var complaints = await db.Complaints.Where(c => complaintIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var attributions = await penaltyAttributions.OfAsync(complaintIds, cancellationToken);
        var notices = new List<string>(due.Count);
        var answers = new Dictionary<string, Task<PolicyAnswer>>(StringComparer.Ordinal);
        foreach (var slaClock in due)
        {
            var alert = ClockAlert.Raise(slaClock, now);
            db.ClockAlerts.Add(alert);
            await RecordConsequencesAsync(tenant, complaints[slaClock.ComplaintId], attributions[slaClock.ComplaintId], slaClock, alert, answers);
            notices.Add(ClockAlertFeed.Serialize(new ClockAlertNotice(tenantId, alert.ComplaintId, alert.ClockId, alert.ClockKind, alert.Occasion, alert.DueAt, now)));
        }

        await db.SaveChangesAsync(cancellationToken);
        // Delivered by PostgreSQL on commit only, to the listener of every process.
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({ClockAlertFeed.Channel}, payload) FROM unnest({notices.ToArray()}) AS payload", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        logger.LogDebug("Handled {Count} due clocks of tenant {TenantId} in {Elapsed} ms.", due.Count, tenantId, (clock.GetCurrentInstant() - now).TotalMilliseconds);
        return due.Count;
    }

    private async Task RecordConsequencesAsync(
        Tenant tenant, Complaint complaint, PenaltyAttribution attribution, SlaClock slaClock, ClockAlert alert, Dictionary<string, Task<PolicyAnswer>> answers)
    {
        var breached = alert.Occasion == ClockOccasion.Breached;
        var occasionKey = $"clock:{slaClock.Id}:{alert.Occasion}";
        var (steps, penalties, policyError) = await AskPolicyAsync(tenant, complaint, attribution, breached, occasionKey, alert.At, answers);
        Record(complaint, breached ? "CLOCK_BREACHED" : "CLOCK_WARNED", new
        {
            clockId = slaClock.Id,
            kind = slaClock.Kind,
            dueAt = alert.DueAt.ToString(),
            policyError,
        });

        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            Record(complaint, "ESCALATED", new { clockId = slaClock.Id, kind = slaClock.Kind, trigger = alert.Occasion.ToString(), action = step.Action.ToString(), role = step.RoleCode });
            // Reassigning and regrading belong to the lifecycle, which acts on the ESCALATED event; people are told here.
            if (step.Action is EscalationAction.Notify or EscalationAction.InvolveEmergencyTeam)
            {
                db.OutboxMessages.Add(OutboxMessage.Create(
                    tenant.Id,
                    complaint.Id,
                    WebhookChannel.ChannelName,
                    $"role:{step.RoleCode}",
                    breached ? "CLOCK_BREACHED" : "CLOCK_WARNING",
                    JsonSerializer.Serialize(new
                    {
                        tenant = tenant.Slug,
                        complaint = complaint.Number,
                        clock = slaClock.Kind,
                        dueAt = alert.DueAt.ToString(),
                        action = step.Action.ToString(),
                        role = step.RoleCode,
                    }),
                    $"{occasionKey}:step:{i}",
                    alert.At));
            }
        }

        foreach (var entry in penalties)
        {
            db.PenaltyEntries.Add(entry);
            Record(complaint, "PENALTY_BOOKED", new { clockId = slaClock.Id, target = entry.Target.ToString(), points = entry.Points, rule = entry.Rule, entry.UpToDismissal });
        }

        void Record(Complaint c, string type, object data) =>
            db.ComplaintEvents.Add(ComplaintEvent.Record(c, type, null, alert.At, JsonSerializer.Serialize(data)));
    }

    // A policy that fails or times out must not hold the clock back: the alert is still recorded, with the error.
    // Policies are pure functions of their arguments (the contract says so), so a batch asks once per distinct question.
    private async Task<(IReadOnlyList<EscalationStep> Steps, IReadOnlyList<PenaltyEntry> Penalties, string? Error)> AskPolicyAsync(
        Tenant tenant, Complaint complaint, PenaltyAttribution attribution, bool breached, string occasionKey, Instant at, Dictionary<string, Task<PolicyAnswer>> answers)
    {
        if (complaint.Grade is not { } grade)
        {
            return ([], [], null);
        }

        var question = $"{complaint.PolicyId}|{complaint.PolicyVersion}|{grade.Code}|{breached}|{JsonSerializer.Serialize(complaint.PolicyFacts())}";
        if (!answers.TryGetValue(question, out var answer))
        {
            answers[question] = answer = AskAsync(tenant, complaint, grade.Code, breached);
        }

        var (steps, rules, error) = await answer;
        return (steps, [.. rules.Select(rule => PenaltyEntry.Book(tenant.Id, complaint.Id, rule, PenaltyOccasion.DeadlineMissed, occasionKey, attribution, at))], error);
    }

    private async Task<PolicyAnswer> AskAsync(Tenant tenant, Complaint complaint, string gradeCode, bool breached)
    {
        try
        {
            var trigger = breached ? EscalationTrigger.ClockBreached : EscalationTrigger.ClockWarning;
            var steps = await policy.RunAsync(tenant, complaint, (p, settings, facts) => p.Escalation(gradeCode, trigger, facts, settings));
            var rules = breached
                ? await policy.RunAsync(tenant, complaint, (p, settings, _) => p.Penalties(gradeCode, PenaltyOccasion.DeadlineMissed, settings))
                : [];
            if (rules.Any(r => r.Points <= 0))
            {
                throw new DomainException(ErrorCode.PolicyFailed, "The policy booked a penalty of no points.");
            }

            return new PolicyAnswer(steps, rules, null);
        }
        catch (DomainException e) when (e.Code == ErrorCode.PolicyFailed)
        {
            return new PolicyAnswer([], [], e.Message);
        }
    }

    private sealed record PolicyAnswer(IReadOnlyList<EscalationStep> Steps, IReadOnlyList<PenaltyRule> Rules, string? Error);
}

/// <summary>How many clocks one transaction handles: large enough to amortise the round trips, small enough to keep
/// row locks short and let another process take the next batch.</summary>
public sealed record SlaProcessingOptions(int BatchSize = 200);
