using ComplaintCloud.Application.Reports;
using GraphQL.Types;

namespace ComplaintCloud.Api.GraphQL.Reports;

public sealed class ReportPeriodInputType : InputObjectGraphType<ReportPeriodInput>
{
    public ReportPeriodInputType()
    {
        Name = "ReportPeriodInput";
        Description = "Exactly one of: from and to (YYYY-MM-DD, both included), month (YYYY-MM) or quarter (YYYY-Qn).";
        Field<StringGraphType>("from");
        Field<StringGraphType>("to");
        Field<StringGraphType>("month");
        Field<StringGraphType>("quarter");
    }
}

public sealed class ComplaintReportType : ObjectGraphType<ComplaintReport>
{
    public ComplaintReportType()
    {
        Name = "ComplaintReport";
        Field(r => r.From).Description("First day, YYYY-MM-DD.");
        Field(r => r.To).Description("Last day, included.");
        Field(r => r.PreviousFrom).Description("The period trends compare with: the previous month or quarter, or as many days before.");
        Field(r => r.PreviousTo);
        Field(r => r.Total).Description("Complaints (of every kind) received in the period.");
        Tallies("byKind", r => r.ByKind);
        Tallies("byCategory", r => r.ByCategory);
        Tallies("byGrade", r => r.ByGrade);
        Tallies("byChannel", r => r.ByChannel);
        Tallies("byStatus", r => r.ByStatus);
        Tallies("byDepartment", r => r.ByDepartment);
        Rate("resolution", "Resolved (resolved_at set, i.e. not reopened since) out of the total.", r => r.Resolution);
        Rate("firstContactResolution", "Resolved with no reopen and no handover (one handler) out of the resolved.", r => r.FirstContactResolution);
        Rate("reopen", "Reopened at least once out of the total.", r => r.Reopen);
        Rate("duplicate", "Flagged as a duplicate of an earlier complaint out of the total.", r => r.Duplicate);
        Rate("callbackSatisfaction", "Latest callback scored overall 4 or 5 out of the complaints called back.", r => r.CallbackSatisfaction);
        Field(r => r.ResolutionHoursP50, nullable: true).Description("Median hours from receipt to resolution, over the resolved.");
        Field(r => r.ResolutionHoursP90, nullable: true).Description("90th percentile (interpolated) of the same.");
        Field<NonNullGraphType<SatisfactionAveragesType>>("satisfaction").Resolve(c => c.Source.Satisfaction);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SlaComplianceType>>>>("sla")
            .Description("Per clock kind over all grades (grade null), then per kind and grade.")
            .Resolve(c => c.Source.Sla);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RecurringProblemType>>>>("topCategories").Resolve(c => c.Source.TopCategories);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RecurringProblemType>>>>("topRootCauses")
            .Description("By the deepest of the 5 Whys recorded in the investigation.")
            .Resolve(c => c.Source.TopRootCauses);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TypicalCaseType>>>>("typicalCases").Resolve(c => c.Source.TypicalCases);
        Field<NonNullGraphType<AnalysisReportCountsType>>("analysisReports")
            .Description("Seed 002's analysis reports of the period's complaints: written, audited out of written, fix effective out of audited.")
            .Resolve(c => c.Source.AnalysisReports);
        Field<NonNullGraphType<PointsLedgerType>>("pointsLedger")
            .Description("Penalty points booked in the period (by booking time), per target and entry; money in yuan at the tenant's rate.")
            .Resolve(c => c.Source.PointsLedger);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PreventiveMeasureOutcomeType>>>>("preventiveMeasures")
            .Description("Each measure signed off before the period started (open, or done since the previous period began), and whether its problem recurred in the period.")
            .Resolve(c => c.Source.PreventiveMeasures);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChannelResponseType>>>>("channelResponse")
            .Description("Per channel and customer tier with a first-response standard (seed 001's unless the tenant set its own): complaints whose channel measured its first response, and the share within the standard.")
            .Resolve(c => c.Source.ChannelResponse);
    }

    private void Tallies(string name, Func<ComplaintReport, IReadOnlyList<Tally>> tallies) =>
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TallyType>>>>(name).Description("Largest first.").Resolve(c => tallies(c.Source));

    private void Rate(string name, string description, Func<ComplaintReport, Rate> rate) =>
        Field<NonNullGraphType<RateType>>(name).Description(description).Resolve(c => rate(c.Source));
}

public sealed class TallyType : ObjectGraphType<Tally>
{
    public TallyType()
    {
        Name = "ReportTally";
        Field(t => t.Key);
        Field(t => t.Count);
    }
}

public sealed class RateType : ObjectGraphType<Rate>
{
    public RateType()
    {
        Name = "ReportRate";
        Field(r => r.Count);
        Field(r => r.OutOf);
        Field(r => r.Value, nullable: true).Description("count / outOf to four decimals; null when outOf is 0.");
    }
}

public sealed class AnalysisReportCountsType : ObjectGraphType<AnalysisReportCounts>
{
    public AnalysisReportCountsType()
    {
        Name = "AnalysisReportCounts";
        Field(a => a.Written).Description("Complaints with an analysis report.");
        Field<NonNullGraphType<RateType>>("audited").Description("Reports whose fix was audited, out of those written.").Resolve(c => c.Source.Audited);
        Field<NonNullGraphType<RateType>>("fixEffective").Description("Audits that found the fix effective, out of those audited.").Resolve(c => c.Source.FixEffective);
    }
}

public sealed class SatisfactionAveragesType : ObjectGraphType<SatisfactionAverages>
{
    public SatisfactionAveragesType()
    {
        Name = "SatisfactionAverages";
        Description = "Averages of each complaint's latest callback scores (1–5), to two decimals.";
        Field(s => s.Callbacks);
        Field(s => s.Overall, nullable: true);
        Field(s => s.Attitude, nullable: true);
        Field(s => s.Speed, nullable: true);
        Field(s => s.Professionalism, nullable: true);
        Field(s => s.Outcome, nullable: true);
    }
}

public sealed class ChannelResponseType : ObjectGraphType<ChannelResponse>
{
    public ChannelResponseType()
    {
        Name = "ChannelResponse";
        Field(r => r.Channel);
        Field(r => r.Tier);
        Field(r => r.StandardSeconds);
        Field<NonNullGraphType<RateType>>("compliance").Description("Answered within the standard out of those measured.").Resolve(c => c.Source.Compliance);
    }
}

public sealed class SlaComplianceType : ObjectGraphType<SlaCompliance>
{
    public SlaComplianceType()
    {
        Name = "SlaCompliance";
        Field(s => s.ClockKind);
        Field(s => s.Grade, nullable: true);
        Field(s => s.Met);
        Field(s => s.Breached);
        Field(s => s.Running).Description("Neither met nor breached yet (running, paused or warned).");
        Field<NonNullGraphType<RateType>>("compliance").Description("Met out of met and breached.").Resolve(c => c.Source.Compliance);
    }
}

public sealed class RecurringProblemType : ObjectGraphType<RecurringProblem>
{
    public RecurringProblemType()
    {
        Name = "RecurringProblem";
        Field(p => p.Key);
        Field(p => p.Count);
        Field(p => p.PreviousCount);
        Field(p => p.Trend).Description("UP, DOWN or SAME against the previous period; NEW when it did not occur then.");
    }
}

public sealed class TypicalCaseType : ObjectGraphType<TypicalCase>
{
    public TypicalCaseType()
    {
        Name = "TypicalCase";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field(t => t.Number);
        Field(t => t.Grade, nullable: true);
        Field(t => t.Category);
        Field(t => t.Status);
    }
}

public sealed class PointsLedgerType : ObjectGraphType<PointsLedger>
{
    public PointsLedgerType()
    {
        Name = "PointsLedger";
        Field(l => l.YuanPerPoint, nullable: true).Description("The tenant's rate; null when its policy has no yuanPerPoint setting, and so is every money figure.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LedgerTotalType>>>>("byTarget")
            .Description("DEPARTMENT, DEPARTMENT_HEAD, UNIT_LEADER, RESPONSIBLE_PERSON, each listed even at zero.")
            .Resolve(c => c.Source.ByTarget);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LedgerDepartmentTotalType>>>>("byDepartment")
            .Description("Each department's own (DEPARTMENT) penalties, heaviest first; department null for those booked with none known.")
            .Resolve(c => c.Source.ByDepartment);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LedgerPersonTotalType>>>>("byPerson")
            .Description("Each department head, unit leader and responsible person, by department and person, heaviest first.")
            .Resolve(c => c.Source.ByPerson);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LedgerEntryType>>>>("entries").Description("Oldest first.").Resolve(c => c.Source.Entries);
    }
}

public sealed class LedgerTotalType : ObjectGraphType<LedgerTotal>
{
    public LedgerTotalType()
    {
        Name = "LedgerTotal";
        Field(t => t.Target);
        this.AddLedgerFigures();
    }
}

public sealed class LedgerDepartmentTotalType : ObjectGraphType<DepartmentLedgerTotal>
{
    public LedgerDepartmentTotalType()
    {
        Name = "LedgerDepartmentTotal";
        Field(t => t.Department, nullable: true).Description("Null: booked while the complaint's plan named no single department.");
        this.AddLedgerFigures();
    }
}

public sealed class LedgerPersonTotalType : ObjectGraphType<PersonLedgerTotal>
{
    public LedgerPersonTotalType()
    {
        Name = "LedgerPersonTotal";
        Field(t => t.Target).Description("DEPARTMENT_HEAD, UNIT_LEADER or RESPONSIBLE_PERSON.");
        Field(t => t.Department, nullable: true).Description("The department the complaint was with; a head or unit leader is known by it.");
        Field<IdGraphType>("personId").Description("The responsible person: the complaint's owner when booked. Null for heads and unit leaders.").Resolve(c => c.Source.PersonId);
        Field(t => t.PersonEmail, nullable: true);
        this.AddLedgerFigures();
    }
}

internal static class LedgerFiguresFields
{
    public static void AddLedgerFigures<T>(this ObjectGraphType<T> type)
        where T : ILedgerFigures
    {
        type.Field(t => t.Entries);
        type.Field(t => t.Points).Description("Points deducted, positive.");
        type.Field(t => t.Money, nullable: true).Description("Yuan: points × yuanPerPoint.");
    }
}

public sealed class LedgerEntryType : ObjectGraphType<LedgerEntry>
{
    public LedgerEntryType()
    {
        Name = "LedgerEntry";
        Field<NonNullGraphType<IdGraphType>>("complaintId").Resolve(c => c.Source.ComplaintId);
        Field(e => e.ComplaintNumber);
        Field(e => e.Target);
        Field(e => e.Points).Description("Points deducted, positive.");
        Field(e => e.Money, nullable: true).Description("Yuan: points × yuanPerPoint.");
        Field(e => e.Rule).Description("The policy's rule, in words, that booked it.");
        Field(e => e.Occasion).Description("COMPLAINT_CONFIRMED, DEADLINE_MISSED or CALLBACK_UNSATISFIED.");
        Field(e => e.DecidedByDepartment).Description("The points are a ceiling the department decides within.");
        Field(e => e.UpToDismissal).Description("A flag for HR; never acted on automatically.");
        Field<NonNullGraphType<DateTimeGraphType>>("at").Resolve(c => c.Source.At.ToDateTimeUtc());
        Field(e => e.Department, nullable: true).Description("The department the complaint was with when booked; null when its plan named no single one.");
        Field<IdGraphType>("personId").Description("For RESPONSIBLE_PERSON: the complaint's owner when booked.").Resolve(c => c.Source.PersonId);
        Field(e => e.PersonEmail, nullable: true);
    }
}

public sealed class PreventiveMeasureOutcomeType : ObjectGraphType<PreventiveMeasureOutcome>
{
    public PreventiveMeasureOutcomeType()
    {
        Name = "PreventiveMeasureOutcome";
        Field<NonNullGraphType<IdGraphType>>("measureId").Resolve(c => c.Source.MeasureId);
        Field(o => o.ProblemKind).Description("CATEGORY or ROOT_CAUSE.");
        Field(o => o.ProblemKey).Description("As topCategories or topRootCauses give it.");
        Field(o => o.Measure);
        Field(o => o.Status).Description("The measure's status now: SIGNED_OFF, IN_PROGRESS or DONE.");
        Field(o => o.DueOn).Description("YYYY-MM-DD in the tenant's time zone.");
        Field(o => o.Count).Description("Complaints with the problem received in the period.");
        Field(o => o.PreviousCount).Description("The same in the previous period.");
        Field(o => o.Recurred).Description("The problem came back in the period: count above 0.");
    }
}
