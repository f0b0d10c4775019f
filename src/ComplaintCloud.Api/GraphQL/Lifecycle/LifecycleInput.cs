using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Complaints.Lifecycle;
using GraphQL.Types;

namespace ComplaintCloud.Api.GraphQL.Lifecycle;

/// <summary>
/// Every lifecycle mutation's input read into one shape; each mutation declares (and GraphQL validates) only the
/// fields it takes, under its own input type name.
/// </summary>
public sealed class LifecycleInput
{
    public string ComplaintId { get; init; } = "";
    public string? Reason { get; init; }
    public string? OwnerId { get; init; }
    public string? NewOwnerId { get; init; }
    public string? GradeCode { get; init; }
    public string? ToRole { get; init; }
    public IReadOnlyList<EvidenceInput>? Evidence { get; init; }
    public IReadOnlyList<string>? RootCause { get; init; }
    public Responsibility Responsibility { get; init; }
    public string? ShortTermMeasures { get; init; }
    public string? LongTermMeasures { get; init; }
    public IReadOnlyList<Remedy>? Remedies { get; init; }
    public decimal? Compensation { get; init; }
    public IReadOnlyList<PlanTaskInput>? Tasks { get; init; }
    public string? Message { get; init; }
    public bool Accepted { get; init; }
    public string? Note { get; init; }
    public string? TaskId { get; init; }
    public int? Progress { get; init; }
    public bool Done { get; init; }
    public string? Summary { get; init; }
    public int Overall { get; init; }
    public int Attitude { get; init; }
    public int Speed { get; init; }
    public int Professionalism { get; init; }
    public int Outcome { get; init; }
    public string? Comment { get; init; }
    public string? Cause { get; init; }
    public string? Fix { get; init; }
    public string? Result { get; init; }
    public bool FixEffective { get; init; }
    public string? Text { get; init; }
    public NoteVisibility Visibility { get; init; }

    /// <summary>An id from the input; one that is not a GUID names nothing, so BAD_USER_INPUT.</summary>
    public static Guid Id(string? value, string field) =>
        Guid.TryParse(value, out var id) ? id : throw new DomainException(ErrorCode.BadUserInput, "Not an id this API gave out.", field);
}

public sealed class EvidenceInput
{
    public EvidenceKind Kind { get; init; }
    public string Text { get; init; } = "";
    public bool CustomerConsent { get; init; }
    public string? FileName { get; init; }
    public string? ContentType { get; init; }
    public string? FileBase64 { get; init; }
    public OnSiteCheckInput? OnSite { get; init; }
}

public sealed class OnSiteCheckInput
{
    public string CheckedBy { get; init; } = "";
    public DateTime CheckedAt { get; init; }
    public string Location { get; init; } = "";
    public bool CustomerConfirmed { get; init; }
}

public sealed class OnSiteCheckInputType : InputObjectGraphType<OnSiteCheckInput>
{
    public OnSiteCheckInputType()
    {
        Name = "OnSiteCheckInput";
        Description = "Who was on site, when and where; it is what meets an ON_SITE clock.";
        Field<NonNullGraphType<IdGraphType>>("checkedBy").Description("The user who was on site.");
        Field<NonNullGraphType<DateTimeGraphType>>("checkedAt");
        Field<NonNullGraphType<StringGraphType>>("location");
        Field<NonNullGraphType<BooleanGraphType>>("customerConfirmed").Description("The customer signed the on-site check record (seed 000).");
    }
}

public sealed class EvidenceInputType : InputObjectGraphType<EvidenceInput>
{
    public EvidenceInputType()
    {
        Name = "EvidenceInput";
        Field<NonNullGraphType<EvidenceKindType>>("kind");
        Field<NonNullGraphType<StringGraphType>>("text");
        Field<BooleanGraphType>("customerConsent").DefaultValue(false).Description("Required for CALL_RECORDING and CHAT_LOG.");
        Field<StringGraphType>("fileName");
        Field<StringGraphType>("contentType");
        Field<StringGraphType>("fileBase64").Description("The file, base64; at most 10 MB (and within GraphQL:MaxRequestBytes).");
        Field<OnSiteCheckInputType>("onSite").Description("Required for ON_SITE_CHECK, refused for other kinds.");
    }
}

public sealed class PlanTaskInput
{
    public string Title { get; init; } = "";
    public string Department { get; init; } = "";
    public string? OwnerId { get; init; }
    public DateTime DueAt { get; init; }
}

public sealed class PlanTaskInputType : InputObjectGraphType<PlanTaskInput>
{
    public PlanTaskInputType()
    {
        Name = "PlanTaskInput";
        Field<NonNullGraphType<StringGraphType>>("title");
        Field<NonNullGraphType<StringGraphType>>("department");
        Field<IdGraphType>("ownerId");
        Field<NonNullGraphType<DateTimeGraphType>>("dueAt");
    }
}

// graphql-dotnet names enum values in SCREAMING_CASE: QaReport becomes QA_REPORT.
public sealed class EvidenceKindType : EnumerationGraphType<EvidenceKind>;

public sealed class ResponsibilityType : EnumerationGraphType<Responsibility>;

public sealed class RemedyType : EnumerationGraphType<Remedy>;

public sealed class NoteVisibilityType : EnumerationGraphType<NoteVisibility>;
