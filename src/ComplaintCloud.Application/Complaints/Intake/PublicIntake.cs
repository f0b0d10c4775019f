using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Infrastructure.Tenancy;
using ComplaintCloud.Plugins.Abstractions;
using NodaTime;

namespace ComplaintCloud.Application.Complaints.Intake;

/// <summary>What an anonymous customer may tell a tenant's public complaint form.</summary>
public sealed record PublicIntakeCommand(
    FeedbackKind Kind,
    string Category,
    string Description,
    string CustomerName,
    string Contact,
    string? Request,
    decimal? AmountInvolved,
    string? IdempotencyKey);

public sealed record PublicIntakeReceipt(string Number, Instant ReceivedAt);

/// <summary>
/// A customer complains without signing in, to the tenant named by X-Tenant or the sub-domain. The customer types it
/// in themselves, so the channel is always <see cref="PublicChannel"/>, the tier is normal (VIP status is the
/// tenant's to grant) and a contact is required: staff need a way to call back. Grading, numbering and clocks are
/// the staff intake's own; the customer gets back only the feedback number.
/// </summary>
public sealed class PublicIntakeHandler(SubmitComplaintHandler intake, TenantContext tenantContext)
{
    /// <summary>The app, mini-program or web form the customer typed the complaint into.</summary>
    public const Channel PublicChannel = Channel.App;

    public async Task<PublicIntakeReceipt> HandleAsync(PublicIntakeCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var tenantId = tenantContext.RequireTenant();
        if (string.IsNullOrWhiteSpace(command.Contact))
        {
            throw new DomainException(ErrorCode.BadUserInput, "Leave a phone number or e-mail address so that we can call you back.", "input.customer.contact");
        }

        var complaint = await intake.ReceiveAsync(
            new SubmitComplaintCommand(
                new ComplaintIntake(
                    PublicChannel,
                    command.Kind,
                    command.Category,
                    command.Description,
                    new Customer(command.CustomerName, command.Contact.Trim(), null, CustomerTier.Normal),
                    command.Request,
                    command.AmountInvolved,
                    IntakeFacts.None),
                command.IdempotencyKey),
            tenantId,
            isPublic: true,
            cancellationToken);
        return new PublicIntakeReceipt(complaint.Number, complaint.ReceivedAt);
    }
}
