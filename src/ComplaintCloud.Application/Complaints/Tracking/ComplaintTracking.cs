using ComplaintCloud.Application.Complaints.Intake;
using ComplaintCloud.Application.Complaints.Lifecycle;
using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Complaints.Lifecycle;
using ComplaintCloud.Infrastructure.Auth;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Application.Complaints.Tracking;

/// <summary>
/// The customer proves a complaint is theirs by its number and the contact they gave with it, or by the signed token
/// of the link in a message sent to them (<see cref="TrackingLinks"/>).
/// </summary>
public sealed record TrackingProof(string? Number, string? Contact, string? Token);

/// <summary>
/// A complaint as its customer follows it on the tenant's public tracking page (issue 13.9): the complaint, with only
/// what the customer may see read from it (status, customer-visible notes, the plan offered), and whether they may
/// answer the plan now.
/// </summary>
public sealed record TrackedComplaint(Complaint Complaint, bool MayAnswerPlan, bool MayAnswerSurvey)
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
public sealed class ComplaintTracking(ComplaintCloudDbContext db, TenantContext tenantContext, ComplaintWork work, TrackingLinks links)
{
    public async Task<TrackedComplaint?> FindAsync(TrackingProof proof, CancellationToken cancellationToken) =>
        await LoadAsync(proof, cancellationToken) is { } complaint ? await ViewAsync(complaint, cancellationToken) : null;

    /// <summary>
    /// The customer accepts the plan they were told, or declines it and it is redone (seed 000: the customer's
    /// confirmation), recorded in the audit trail as the customer's own answer.
    /// </summary>
    public async Task<TrackedComplaint> AnswerPlanAsync(TrackingProof proof, bool accepted, string? note, CancellationToken cancellationToken)
    {
        var complaint = await LoadAsync(proof, cancellationToken) ?? throw NoSuchComplaint();
        complaint.RecordCustomerConfirmation(Actor.Customer, accepted, note, work.Now);
        return await ViewAsync(await work.SaveAsync(complaint, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// The customer's own answer to the callback survey once the complaint is resolved (seed 003: callback "by phone or
    /// online"): the callback itself, with all its consequences, recorded as the customer's; answered once, as a
    /// callback is recorded once. Only where the complaint's policy lets the customer answer online; elsewhere the
    /// desk calls them.
    /// </summary>
    public async Task<TrackedComplaint> AnswerSurveyAsync(TrackingProof proof, Satisfaction satisfaction, CancellationToken cancellationToken)
    {
        var complaint = await LoadAsync(proof, cancellationToken) ?? throw NoSuchComplaint();
        if (!(await work.CallbackAsync(complaint, cancellationToken)).CustomerMayAnswerOnline)
        {
            throw new DomainException(ErrorCode.Forbidden, "This company calls its customers back for the survey; it cannot be answered online.");
        }

        return await ViewAsync(await RecordCallbackHandler.RecordAsync(work, complaint, Actor.Customer, satisfaction, cancellationToken), cancellationToken);
    }

    /// <summary>What the answer to a wrong number and a wrong contact alike is, when an answer must be an error.</summary>
    public static DomainException NoSuchComplaint() =>
        new(ErrorCode.NotFound, "No complaint has this number and contact; check both as you gave them.");

    private async Task<TrackedComplaint> ViewAsync(Complaint complaint, CancellationToken cancellationToken) =>
        new(
            complaint,
            MayAnswer(complaint, ComplaintAction.RecordCustomerConfirmation),
            MayAnswer(complaint, ComplaintAction.RecordCallback) && (await work.CallbackAsync(complaint, cancellationToken)).CustomerMayAnswerOnline);

    private static bool MayAnswer(Complaint complaint, ComplaintAction action) => complaint.Refusal(action, Actor.Customer, PolicyAnswers.None) is null;

    private async Task<Complaint?> LoadAsync(TrackingProof proof, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proof);
        var tenantId = tenantContext.RequireTenant();
        var complaints = db.Complaints.Include(c => c.Clocks).IncludeLifecycle();
        if (proof.Token is { } token)
        {
            return links.Read(token, tenantId) is { } complaintId
                ? await complaints.SingleOrDefaultAsync(c => c.Id == complaintId, cancellationToken)
                : null;
        }

        if (proof is not { Number: { } given, Contact: { } contact })
        {
            throw new DomainException(ErrorCode.BadUserInput, "Give the complaint's number and your contact, or the token of the link you were sent.", "input.token");
        }

        var number = given.Trim();
        var complaint = await complaints.SingleOrDefaultAsync(c => c.Number == number, cancellationToken);
        if (complaint is null)
        {
            return null;
        }

        var timeZone = await db.Tenants.Where(t => t.Id == complaint.TenantId).Select(t => t.TimeZone).SingleAsync(cancellationToken);
        var key = ContactKey.Of(contact, ContactKey.RegionOf(timeZone));
        return key is not null && string.Equals(key, complaint.ContactKey, StringComparison.Ordinal) ? complaint : null;
    }
}
