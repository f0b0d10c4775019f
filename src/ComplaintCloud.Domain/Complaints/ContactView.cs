using NodaTime;

namespace ComplaintCloud.Domain.Complaints;

/// <summary>
/// Someone was shown a customer's contact unmasked (seed 001: contact details are for callbacks only). Kept apart
/// from the complaint's history, which records what happened to the complaint rather than who looked at it.
/// Append-only, like the history.
/// </summary>
public sealed class ContactView : ITenantOwned
{
    private ContactView()
    {
    }

    public long Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid ComplaintId { get; private set; }

    /// <summary>The user shown the contact, or null when it was an integration's API key.</summary>
    public Guid? UserId { get; private set; }
    public Guid? ApiKeyId { get; private set; }
    public Instant At { get; private set; }

    public static ContactView Record(Complaint complaint, Guid? userId, Guid? apiKeyId, Instant at)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return new ContactView { TenantId = complaint.TenantId, ComplaintId = complaint.Id, UserId = userId, ApiKeyId = apiKeyId, At = at };
    }
}
