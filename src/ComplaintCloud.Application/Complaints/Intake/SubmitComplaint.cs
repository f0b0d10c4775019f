using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ComplaintCloud.Application.Billing;
using ComplaintCloud.Application.Categories;
using ComplaintCloud.Application.Notifications;
using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Complaints.Lifecycle;
using ComplaintCloud.Domain.Notifications;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Plugins;
using ComplaintCloud.Infrastructure.Telemetry;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintCloud.Application.Complaints.Intake;

public sealed record SubmitComplaintCommand(ComplaintIntake Intake, string? IdempotencyKey);

/// <summary>
/// Takes in a complaint: numbers it, has the tenant's policy grade it, start its clocks and escalate it as the grade
/// needs at once, and stores it with its first audit event and the notices, all in one transaction. A retry with the same Idempotency-Key returns the first complaint.
/// </summary>
public sealed class SubmitComplaintHandler(
    ComplaintCloudDbContext db,
    TenantContext tenantContext,
    TenantPolicies policies,
    BillingGate billing,
    CategoryTree categories,
    IClock clock)
{
    public const int MaxIdempotencyKeyLength = 255;

    public async Task<Complaint> HandleAsync(SubmitComplaintCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return await ReceiveAsync(command, tenantContext.RequireSignedInTenant(), isPublic: false, cancellationToken);
    }

    /// <summary>The intake itself, for callers that have settled who may submit (staff here, customers in <see cref="PublicIntakeHandler"/>).</summary>
    internal async Task<Complaint> ReceiveAsync(
        SubmitComplaintCommand command, Guid tenantId, bool isPublic, CancellationToken cancellationToken, IReadOnlyList<EvidenceUpload>? customerFiles = null)
    {
        command.Intake.Validate();
        await categories.RequireActiveAsync(command.Intake.Category.Trim(), "input.category", cancellationToken);
        var requestHash = command.IdempotencyKey is null ? null : HashOf(command);
        if (command.IdempotencyKey is { } key && await FindRetryAsync(key, requestHash!, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        // Staff over the plan's limit (or on a read-only desk) are refused; a customer's complaint is always taken.
        var billingDecision = await billing.CheckIntakeAsync(tenantId, isPublic, cancellationToken);

        var tenant = await TenantOf(db, tenantId, cancellationToken);
        var now = clock.GetCurrentInstant();
        var verdict = await policies.GradeAsync(tenant, command.Intake.ToPolicyFacts(), now);

        var contactKey = ContactKey.Of(command.Intake.Customer.Contact, ContactKey.RegionOf(tenant.TimeZone));
        var repeatOf = await DuplicateCheck.FindEarlierAsync(
            db, contactKey, command.Intake.Customer.CustomerNumber, command.Intake.Category.Trim(), now, tenant.DuplicateWindowDays, cancellationToken);

        // Taking the number locks the tenant's counter row until the commit, which orders the tenant's intakes one
        // after another: nothing that can be done before it is done after it, and no round trip that does no work
        // runs in between. A failed save rolls the whole transaction back, so EF Core's savepoint around the save
        // (two round trips with the lock held) is not needed.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Database.AutoSavepointsEnabled = false;
        var day = now.InZone(tenant.Calendar().Zone).Date;
        var sequence = await ComplaintNumberCounter.TakeNextAsync(db, tenantId, day, cancellationToken);
        var complaint = Complaint.Receive(tenantId, ComplaintNumber.Format(day, command.Intake.Channel, sequence), command.Intake, verdict, now);
        complaint.KeyContactAs(contactKey);
        if (repeatOf is not null)
        {
            complaint.FlagDuplicateOf(repeatOf.Id, repeatOf.Number, now);
        }

        // What the policy asks for at once for the grade (seeds 000/004: a major complaint to management, an emergency team).
        complaint.EscalateByPolicy(verdict.EscalationAtIntake, EscalationCause.Graded, now);
        db.OutboxMessages.AddRange(EscalationNotices.For(complaint, verdict.EscalationAtIntake, MessageKind.Escalation, $"complaint:{complaint.Id}:graded", now));
        if (customerFiles is { Count: > 0 })
        {
            complaint.AttachCustomerFiles(customerFiles, now);
        }

        db.Complaints.Add(complaint);
        db.ComplaintEvents.Add(ComplaintEvent.Record(complaint, "RECEIVED", tenantContext.UserId, now, JsonSerializer.Serialize(new
        {
            complaint.Number,
            grade = verdict.Grade.Code,
            gradeReason = verdict.Grade.Reason,
            policy = $"{verdict.PolicyId} {verdict.PolicyVersion}",
            clocks = verdict.ClocksFromReceipt.Select(c => new { c.Kind, dueAt = c.DueAt.ToString() }),
        })));
        db.ComplaintEvents.AddRange(complaint.TakeNewEvents());
        if (billingDecision.OverPlanLimit)
        {
            // Flagged in its history, where the desk sees it and is told to upgrade; never dropped.
            db.ComplaintEvents.Add(ComplaintEvent.Record(complaint, "OVER_PLAN_LIMIT", null, now, """{"advice":"Upgrade the plan: this month's complaint limit is used up."}"""));
        }

        if (Notify.Acknowledgement(complaint, tenant.Calendar().Zone, now) is { } acknowledgement)
        {
            db.OutboxMessages.Add(acknowledgement);
        }

        if (command.IdempotencyKey is { } newKey)
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord
            {
                TenantId = tenantId, Key = newKey, RequestHash = requestHash!, ComplaintId = complaint.Id, CreatedAt = now,
            });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            ComplaintCloudTelemetry.ComplaintReceived(billingDecision.PlanCode, command.Intake.Channel.ToString());
            return complaint;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation() && command.IdempotencyKey is { } racedKey)
        {
            // A concurrent retry with the same key committed first: ours rolls back (number included) and returns theirs.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return await FindRetryAsync(racedKey, requestHash!, cancellationToken)
                ?? throw new DomainException(ErrorCode.Conflict, "A concurrent request with this Idempotency-Key failed; try again.", "Idempotency-Key");
        }
    }

    // Read only: untracked, it costs the save no snapshot or comparison of its settings; compiled once, as intake's
    // other fixed queries are, so that no request builds and looks up its LINQ.
    private static readonly Func<ComplaintCloudDbContext, Guid, CancellationToken, Task<Tenant>> TenantOf =
        EF.CompileAsyncQuery((ComplaintCloudDbContext db, Guid tenantId, CancellationToken cancellationToken) =>
            db.Tenants.AsNoTracking().Single(t => t.Id == tenantId));

    private async Task<Complaint?> FindRetryAsync(string key, string requestHash, CancellationToken cancellationToken)
    {
        if (key.Length is 0 or > MaxIdempotencyKeyLength)
        {
            throw new DomainException(ErrorCode.BadUserInput, $"The Idempotency-Key must have 1 to {MaxIdempotencyKeyLength} characters.", "Idempotency-Key");
        }

        var record = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Key == key, cancellationToken);
        if (record is null)
        {
            return null;
        }

        if (record.RequestHash != requestHash)
        {
            throw new DomainException(ErrorCode.Conflict, "This Idempotency-Key was used for a different complaint.", "Idempotency-Key");
        }

        return await db.Complaints.Include(c => c.Clocks).SingleAsync(c => c.Id == record.ComplaintId, cancellationToken);
    }

    private static string HashOf(SubmitComplaintCommand command) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(command.Intake))));
}
