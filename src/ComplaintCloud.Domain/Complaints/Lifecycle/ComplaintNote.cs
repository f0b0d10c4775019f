using NodaTime;

namespace ComplaintCloud.Domain.Complaints.Lifecycle;

/// <summary>Who may read a note.</summary>
public enum NoteVisibility
{
    Internal,
    CustomerVisible,
}

/// <summary>A note on a complaint; also how the verbatim description is corrected, since it is never edited.</summary>
public sealed class ComplaintNote : ITenantOwned
{
    public const int MaxTextLength = 5_000;

    private ComplaintNote()
    {
        Text = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid ComplaintId { get; private set; }
    public string Text { get; private set; }
    public NoteVisibility Visibility { get; private set; }
    /// <summary>The user who wrote it; null for the customer (a reply by e-mail).</summary>
    public Guid? AuthorId { get; private set; }
    public Instant At { get; private set; }

    internal static ComplaintNote Write(Complaint complaint, string text, NoteVisibility visibility, Guid? authorId, Instant at) => new()
    {
        Id = Guid.CreateVersion7(),
        TenantId = complaint.TenantId,
        ComplaintId = complaint.Id,
        Text = Rules.RequireText(text, MaxTextLength, "input.text", "A note"),
        Visibility = visibility,
        AuthorId = authorId,
        At = at,
    };
}
