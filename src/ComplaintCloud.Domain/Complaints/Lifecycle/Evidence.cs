using NodaTime;

namespace ComplaintCloud.Domain.Complaints.Lifecycle;

/// <summary>Kinds of evidence departments bring to an investigation (SPEC §2.5).</summary>
public enum EvidenceKind
{
    Batch,
    QaReport,
    CallRecording,
    ChatLog,
    DeliveryTrack,
    Cctv,
    OnSiteCheck,
    Other,
}

/// <summary>A file attached to evidence, kept in its own table so listing evidence never reads the bytes.</summary>
public sealed record EvidenceUpload(string FileName, string ContentType, byte[] Content);

/// <summary>Evidence as an investigator submits it.</summary>
public sealed record EvidenceDraft(EvidenceKind Kind, string Text, bool CustomerConsent, EvidenceUpload? File)
{
    /// <summary>The proof of an on-site check: required for an ON_SITE_CHECK, refused for any other kind.</summary>
    public OnSiteCheckDraft? OnSite { get; init; }
}

/// <summary>
/// Who was on site, when and where, and whether the customer signed the on-site check record (seed 000: "由客户签字确认
/// 《现场核查记录》"). It is what meets an ON_SITE clock (seed 002: the head on site within 10 minutes).
/// </summary>
public sealed record OnSiteCheckDraft(Guid CheckedBy, Instant CheckedAt, string Location, bool CustomerConfirmed);

/// <summary>One piece of evidence collected for a complaint.</summary>
public sealed class EvidenceItem : ITenantOwned
{
    public const int MaxFileBytes = 10 * 1024 * 1024;
    public const int MaxTextLength = 5_000;
    public const int MaxLocationLength = 200;

    private EvidenceItem()
    {
        Text = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid ComplaintId { get; private set; }
    public EvidenceKind Kind { get; private set; }
    public string Text { get; private set; }

    /// <summary>The customer agreed to the recording or chat log being used.</summary>
    public bool CustomerConsent { get; private set; }
    public string? FileName { get; private set; }
    public string? ContentType { get; private set; }
    public int? FileSize { get; private set; }
    public EvidenceFile? File { get; private set; }
    /// <summary>The user who added it; null for the customer (an attachment of their e-mail).</summary>
    public Guid? AddedBy { get; private set; }
    public Instant AddedAt { get; private set; }

    /// <summary>For an on-site check: who was on site, when, where, and whether the customer confirmed the record.</summary>
    public Guid? OnSiteCheckedBy { get; private set; }
    public Instant? OnSiteCheckedAt { get; private set; }
    public string? OnSiteLocation { get; private set; }
    public bool? OnSiteCustomerConfirmed { get; private set; }

    /// <summary>Call recordings and chat logs are only used with the customer's consent (SPEC §2.5).</summary>
    public static bool NeedsConsent(EvidenceKind kind) => kind is EvidenceKind.CallRecording or EvidenceKind.ChatLog;

    internal static EvidenceItem From(Complaint complaint, EvidenceDraft draft, string field, Guid? addedBy, Instant at)
    {
        Rules.Require(!string.IsNullOrWhiteSpace(draft.Text) && draft.Text.Length <= MaxTextLength, $"{field}.text", $"Describe the evidence in 1 to {MaxTextLength} characters.");
        Rules.Require(!NeedsConsent(draft.Kind) || draft.CustomerConsent, $"{field}.customerConsent", $"Evidence of kind {ApiNames.Of(draft.Kind)} needs the customer's consent.");
        if (draft.File is { } file)
        {
            Rules.Require(file.Content.Length is > 0 and <= MaxFileBytes, $"{field}.file", $"A file must have 1 byte to {MaxFileBytes / (1024 * 1024)} MB.");
            Rules.Require(!string.IsNullOrWhiteSpace(file.FileName) && file.FileName.Length <= 255, $"{field}.fileName", "Name the file in 1 to 255 characters.");
            Rules.Require(!string.IsNullOrWhiteSpace(file.ContentType) && file.ContentType.Length <= 100, $"{field}.contentType", "Give the file's media type.");
        }

        var onSite = ValidOnSite(complaint, draft, field, at);
        var id = Guid.CreateVersion7();
        return new EvidenceItem
        {
            Id = id,
            TenantId = complaint.TenantId,
            ComplaintId = complaint.Id,
            Kind = draft.Kind,
            Text = draft.Text,
            CustomerConsent = draft.CustomerConsent,
            FileName = draft.File?.FileName,
            ContentType = draft.File?.ContentType,
            FileSize = draft.File?.Content.Length,
            File = draft.File is { } upload ? new EvidenceFile(id, complaint.TenantId, upload.Content) : null,
            AddedBy = addedBy,
            AddedAt = at,
            OnSiteCheckedBy = onSite?.CheckedBy,
            OnSiteCheckedAt = onSite?.CheckedAt,
            OnSiteLocation = onSite?.Location.Trim(),
            OnSiteCustomerConfirmed = onSite?.CustomerConfirmed,
        };
    }

    private static OnSiteCheckDraft? ValidOnSite(Complaint complaint, EvidenceDraft draft, string field, Instant at)
    {
        if (draft.Kind != EvidenceKind.OnSiteCheck)
        {
            Rules.Require(draft.OnSite is null, $"{field}.onSite", "Only an ON_SITE_CHECK has on-site details.");
            return null;
        }

        var onSite = draft.OnSite;
        Rules.Require(onSite is not null, $"{field}.onSite", "An on-site check needs who was on site, when and where.");
        Rules.Require(!string.IsNullOrWhiteSpace(onSite!.Location) && onSite.Location.Length <= MaxLocationLength, $"{field}.onSite.location", $"Name the place in 1 to {MaxLocationLength} characters.");
        Rules.Require(onSite.CheckedAt >= complaint.ReceivedAt && onSite.CheckedAt <= at, $"{field}.onSite.checkedAt", "The check happened between the complaint's receipt and now.");
        return onSite;
    }
}

/// <summary>The bytes of an evidence file (bytea).</summary>
public sealed class EvidenceFile(Guid evidenceItemId, Guid tenantId, byte[] content) : ITenantOwned
{
    public Guid EvidenceItemId { get; private set; } = evidenceItemId;
    public Guid TenantId { get; private set; } = tenantId;
    public byte[] Content { get; private set; } = content;
}
