using System.Text.RegularExpressions;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Complaints.Lifecycle;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using ComplaintCloud.Plugins.Abstractions;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintCloud.Application.Complaints.Intake;

/// <summary>An e-mail to a tenant's inbound address, as the endpoint read it from the raw message.</summary>
public sealed record InboundEmail(string FromAddress, string? FromName, string Subject, string Body, IReadOnlyList<EvidenceUpload> Attachments);

/// <summary>What became of an e-mail: a new complaint, or a note on the complaint its subject names.</summary>
public sealed record InboundEmailReceipt(string Outcome, string ComplaintNumber);

/// <summary>
/// E-mail as an intake channel (issue 14.5): a message whose subject carries the number of a complaint of this tenant
/// whose contact is the sender becomes a customer-visible note on it; any other becomes a complaint on channel EMAIL
/// with the body verbatim and the attachments as evidence, taken like the customer's own intake.
/// </summary>
public sealed partial class InboundEmailHandler(SubmitComplaintHandler intake, ComplaintCloudDbContext db, TenantContext tenantContext, IClock clock)
{
    public const string Created = "COMPLAINT_CREATED";
    public const string NoteAdded = "NOTE_ADDED";

    /// <summary>Where e-mailed complaints are filed until the desk classifies them.</summary>
    public const string Category = "other/email";

    public async Task<InboundEmailReceipt> HandleAsync(Guid tenantId, InboundEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        tenantContext.UseTenant(tenantId);
        if (await RepliedToAsync(email, cancellationToken) is { } complaint)
        {
            complaint.RecordCustomerReply(email.Body, clock.GetCurrentInstant());
            db.ComplaintEvents.AddRange(complaint.TakeNewEvents());
            await db.SaveChangesAsync(cancellationToken);
            return new InboundEmailReceipt(NoteAdded, complaint.Number);
        }

        var customer = new Customer(string.IsNullOrWhiteSpace(email.FromName) ? email.FromAddress : email.FromName.Trim(), email.FromAddress, null, CustomerTier.Normal);
        var received = await intake.ReceiveAsync(
            new SubmitComplaintCommand(new ComplaintIntake(Channel.Email, FeedbackKind.Complaint, Category, email.Body, customer, null, null, IntakeFacts.None), null),
            tenantId,
            isPublic: true,
            cancellationToken,
            email.Attachments);
        return new InboundEmailReceipt(Created, received.Number);
    }

    // The sender must be the complaint's own contact: anyone can write a complaint number in a subject.
    private async Task<Complaint?> RepliedToAsync(InboundEmail email, CancellationToken cancellationToken)
    {
        if (ComplaintNumberPattern().Match(email.Subject) is not { Success: true } number)
        {
            return null;
        }

        var complaint = await db.Complaints.SingleOrDefaultAsync(c => c.Number == number.Value, cancellationToken);
        return complaint is not null && string.Equals(complaint.Customer.Contact?.Trim(), email.FromAddress, StringComparison.OrdinalIgnoreCase)
            ? complaint
            : null;
    }

    [GeneratedRegex(@"\b\d{8}-[A-Z_]+-\d{4,}\b")]
    private static partial Regex ComplaintNumberPattern();
}
