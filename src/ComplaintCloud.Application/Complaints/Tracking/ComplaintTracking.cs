using ComplaintCloud.Application.Complaints.Intake;
using ComplaintCloud.Application.Complaints.Lifecycle;
using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Complaints.Lifecycle;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Application.Complaints.Tracking;

/// <summary>The customer proves a complaint is theirs by its number and the contact they gave with it.</summary>
public sealed record TrackingProof(string Number, string Contact);

/// <summary>
/// A complaint as its customer follows it on the tenant's public tracking page (issue 13.9): the complaint, with only
/// what the customer may see read from it (status, customer-visible notes, the plan offered), and whether they may
/// answer the plan now.
/// </summary>
public sealed record TrackedComplaint(Complaint Complaint, bool MayAnswerPlan)
{
    public IEnumerable<ComplaintNote> CustomerNotes => Complaint.Notes.Where(n => n.Visibility == NoteVisibility.CustomerVisible).OrderBy(n => n.At);

    /// <summary>The customer has been told the plan: it is theirs to see from then on, until they decline it.</summary>
    public bool PlanOffered => Complaint.Status is ComplaintStatus.CustomerNotified or ComplaintStatus.CustomerConfirmed or ComplaintStatus.Executing
        or ComplaintStatus.Resolved or ComplaintStatus.CallbackDone or ComplaintStatus.Closed && Complaint.PlanRevision > 0;
}

/// <summary>
/// The customer's own view of a complaint, without signing in. A number that is not the tenant's and a contact that
/// is not the one given get the same answer (none), so the page reveals nothing to someone guessing; contacts are
/// compared as the duplicate check compares them (<see cref="ContactKey"/>).
/// </summary>
public sealed class ComplaintTracking(ComplaintCloudDbContext db, TenantContext tenantContext, ComplaintWork work)
{
    public async Task<TrackedComplaint?> FindAsync(TrackingProof proof, CancellationToken cancellationToken) =>
        await LoadAsync(proof, cancellationToken) is { } complaint ? View(complaint) : null;

    /// <summary>
    /// The customer accepts the plan they were told, or declines it and it is redone (seed 000: the customer's
    /// confirmation), recorded in the audit trail as the customer's own answer.
    /// </summary>
    public async Task<TrackedComplaint> AnswerPlanAsync(TrackingProof proof, bool accepted, string? note, CancellationToken cancellationToken)
    {
        var complaint = await LoadAsync(proof, cancellationToken) ?? throw NoSuchComplaint();
        complaint.RecordCustomerConfirmation(Actor.Customer, accepted, note, work.Now);
        return View(await work.SaveAsync(complaint, cancellationToken));
    }

    /// <summary>What the answer to a wrong number and a wrong contact alike is, when an answer must be an error.</summary>
    public static DomainException NoSuchComplaint() =>
        new(ErrorCode.NotFound, "No complaint has this number and contact; check both as you gave them.");

    private static TrackedComplaint View(Complaint complaint) =>
        new(complaint, complaint.Refusal(ComplaintAction.RecordCustomerConfirmation, Actor.Customer, PolicyAnswers.None) is null);

    private async Task<Complaint?> LoadAsync(TrackingProof proof, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proof);
        tenantContext.RequireTenant();
        var number = proof.Number.Trim();
        var complaint = await db.Complaints.Include(c => c.Clocks).IncludeLifecycle().SingleOrDefaultAsync(c => c.Number == number, cancellationToken);
        if (complaint is null)
        {
            return null;
        }

        var timeZone = await db.Tenants.Where(t => t.Id == complaint.TenantId).Select(t => t.TimeZone).SingleAsync(cancellationToken);
        var given = ContactKey.Of(proof.Contact, ContactKey.RegionOf(timeZone));
        return given is not null && string.Equals(given, complaint.ContactKey, StringComparison.Ordinal) ? complaint : null;
    }
}
