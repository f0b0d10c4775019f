namespace ComplaintCloud.Application.Reports;

/// <summary>
/// The monthly/quarterly complaint analysis of SPEC §2.12 for one tenant and period. Every figure is over the complaints
/// received in the period; the README's "Reports" section defines each one.
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
    IReadOnlyList<TypicalCase> TypicalCases);

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
