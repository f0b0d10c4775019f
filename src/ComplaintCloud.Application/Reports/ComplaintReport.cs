using NodaTime;

namespace ComplaintCloud.Application.Reports;

/// <summary>
/// The monthly/quarterly complaint analysis of SPEC §2.12 for one tenant and period. Every figure is over the complaints
/// received in the period; docs/reports.md defines each one.
/// </summary>
public sealed record ComplaintReport(
    string From,
    string To,
    string PreviousFrom,
    string PreviousTo,
    int Total,
    IReadOnlyList<Tally> ByKind,
    IReadOnlyList<Tally> ByCategory,
    IReadOnlyList<Tally> ByGrade,
    IReadOnlyList<Tally> ByChannel,
    IReadOnlyList<Tally> ByStatus,
    IReadOnlyList<Tally> ByDepartment,
    Rate Resolution,
    Rate FirstContactResolution,
    Rate Reopen,
    Rate Duplicate,
    Rate CallbackSatisfaction,
    double? ResolutionHoursP50,
    double? ResolutionHoursP90,
    SatisfactionAverages Satisfaction,
    IReadOnlyList<SlaCompliance> Sla,
    IReadOnlyList<RecurringProblem> TopCategories,
    IReadOnlyList<RecurringProblem> TopRootCauses,
    IReadOnlyList<TypicalCase> TypicalCases,
    AnalysisReportCounts AnalysisReports,
    PointsLedger PointsLedger,
    IReadOnlyList<PreventiveMeasureOutcome> PreventiveMeasures,
    IReadOnlyList<ChannelResponse> ChannelResponse);

/// <summary>
/// Seed 002's per-complaint analysis reports over the complaints received in the period: how many were written, how
/// many of those had their fix audited, and how many audits found the fix effective.
/// </summary>
public sealed record AnalysisReportCounts(int Written, Rate Audited, Rate FixEffective);

/// <summary>How many complaints share one value of a dimension.</summary>
public sealed record Tally(string Key, int Count);

/// <summary>Count out of a whole; Value is Count / OutOf to four decimals, null when OutOf is 0.</summary>
public sealed record Rate(int Count, int OutOf, double? Value)
{
    public static Rate Of(long count, long outOf) =>
        new((int)count, (int)outOf, outOf == 0 ? null : Math.Round((double)count / outOf, 4));
}

/// <summary>Averages of the latest callback's 1–5 scores, to two decimals; null without callbacks.</summary>
public sealed record SatisfactionAverages(
    int Callbacks, double? Overall, double? Attitude, double? Speed, double? Professionalism, double? Outcome);

/// <summary>The clocks of one kind (of one grade, or of all grades when Grade is null) and how they ended.</summary>
public sealed record SlaCompliance(string ClockKind, string? Grade, int Met, int Breached, int Running, Rate Compliance);

/// <summary>A frequent problem, its count in the period and in the previous one, and which way it went.</summary>
public sealed record RecurringProblem(string Key, int Count, int PreviousCount, string Trend);

/// <summary>A complaint worth reading as an example: the highest grades first.</summary>
public sealed record TypicalCase(Guid Id, string Number, string? Grade, string Category, string Status);

/// <summary>
/// The penalty points booked in the period (by when they were booked, not when the complaint came in); money is points
/// × the tenant's yuan-per-point setting, null when its policy has none. ByDepartment and ByPerson split the same
/// points by who bore them, so together they add up to the targets' total.
/// </summary>
public sealed record PointsLedger(
    decimal? YuanPerPoint,
    IReadOnlyList<LedgerTotal> ByTarget,
    IReadOnlyList<DepartmentLedgerTotal> ByDepartment,
    IReadOnlyList<PersonLedgerTotal> ByPerson,
    IReadOnlyList<LedgerEntry> Entries);

/// <summary>What one penalty target lost in the period; every target is listed, with zeros when it lost nothing.</summary>
public sealed record LedgerTotal(string Target, int Entries, int Points, decimal? Money) : ILedgerFigures;

/// <summary>What every ledger total adds up: how many entries, their points and the points' worth in yuan.</summary>
public interface ILedgerFigures
{
    int Entries { get; }
    int Points { get; }
    decimal? Money { get; }
}

/// <summary>What a department lost through its own (DEPARTMENT) penalties; Department null: booked with none known.</summary>
public sealed record DepartmentLedgerTotal(string? Department, int Entries, int Points, decimal? Money) : ILedgerFigures;

/// <summary>
/// What one head, unit leader or responsible person lost: the person is named for the responsible person only, so a
/// head or unit leader is known by the department.
/// </summary>
public sealed record PersonLedgerTotal(string Target, string? Department, Guid? PersonId, string? PersonEmail, int Entries, int Points, decimal? Money)
    : ILedgerFigures;

/// <summary>One booked penalty, the rule that produced it, and whom it was charged to when booked.</summary>
public sealed record LedgerEntry(
    Guid ComplaintId,
    string ComplaintNumber,
    string Target,
    int Points,
    decimal? Money,
    string Rule,
    string Occasion,
    bool DecidedByDepartment,
    bool UpToDismissal,
    Instant At,
    string? Department,
    Guid? PersonId,
    string? PersonEmail);
