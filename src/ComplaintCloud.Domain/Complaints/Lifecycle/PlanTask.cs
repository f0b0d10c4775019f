using NodaTime;

namespace ComplaintCloud.Domain.Complaints.Lifecycle;

/// <summary>A task of a resolution plan as proposed.</summary>
public sealed record PlanTaskDraft(string Title, string Department, Guid? OwnerId, Instant DueAt);

/// <summary>One department's share of carrying out a plan (SPEC §2.9), its progress visible to all.</summary>
public sealed class PlanTask : ITenantOwned
{
    public const int MaxTextLength = 500;

    private PlanTask()
    {
        Title = string.Empty;
        Department = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid ComplaintId { get; private set; }

    /// <summary>The plan revision the task belongs to; a rejected or re-proposed plan leaves its tasks behind.</summary>
    public int PlanRevision { get; private set; }
    public string Title { get; private set; }
    public string Department { get; private set; }
    public Guid? OwnerId { get; private set; }
    public Instant DueAt { get; private set; }

    /// <summary>Percent done, 0–100.</summary>
    public int Progress { get; private set; }
    public bool Done { get; private set; }
    public string? LastNote { get; private set; }
    public Instant? UpdatedAt { get; private set; }

    internal static PlanTask From(Complaint complaint, int revision, PlanTaskDraft draft, string field, Instant now)
    {
        Rules.Require(draft.DueAt > now, $"{field}.dueAt", "A task's due date must be in the future.");
        return new PlanTask
        {
            Id = Guid.CreateVersion7(),
            TenantId = complaint.TenantId,
            ComplaintId = complaint.Id,
            PlanRevision = revision,
            Title = Rules.RequireText(draft.Title, MaxTextLength, $"{field}.title", "A task's title"),
            Department = Rules.RequireText(draft.Department, MaxTextLength, $"{field}.department", "A task's department"),
            OwnerId = draft.OwnerId,
            DueAt = draft.DueAt,
        };
    }

    internal void Update(int progress, bool done, string? note, Instant at)
    {
        Rules.Require(progress is >= 0 and <= 100, "input.progress", "Progress is a percentage from 0 to 100.");
        Rules.Require((note?.Length ?? 0) <= MaxTextLength, "input.note", $"A note must be at most {MaxTextLength} characters.");
        Progress = done ? 100 : progress;
        Done = done;
        LastNote = note;
        UpdatedAt = at;
    }
}
