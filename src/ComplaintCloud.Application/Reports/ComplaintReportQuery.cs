using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Data.Configurations;
using ComplaintCloud.Infrastructure.Tenancy;
using ComplaintCloud.Plugins.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;
using Npgsql;

namespace ComplaintCloud.Application.Reports;

/// <summary>
/// Computes a <see cref="ComplaintReport"/> with SQL aggregates sent as two batches, side by side on two connections:
/// the complaints never leave the database. Every statement filters <c>tenant_id</c> itself, as raw SQL must. It reads the read-only database: a
/// replica when one is configured.
/// </summary>
public sealed class ComplaintReportQuery(
    [FromKeyedServices(ReadOnlyDatabase.Key)] ComplaintCloudDbContext db, ReadOnlyContexts contexts, TenantContext tenantContext)
{
    public const int TopProblems = 3;
    public const int TypicalCaseCount = 5;

    // Seed 001's channel standards, for tenants without their own.
    private static readonly string SeedStandards = ChannelStandardsColumn.ToJson(ChannelStandard.Seed001);

    // The scope of every figure: the tenant's complaints received in the period.
    private const string InPeriod = "c.tenant_id = @tenant AND c.received_at >= @start AND c.received_at < @end";

    private const string SummarySql = $"""
        SELECT count(*),
               count(*) FILTER (WHERE c.resolved_at IS NOT NULL),
               count(*) FILTER (WHERE c.resolved_at IS NOT NULL AND c.reopen_count = 0 AND c.handler_count <= 1),
               count(*) FILTER (WHERE c.reopen_count > 0),
               count(*) FILTER (WHERE c.duplicate_of_id IS NOT NULL),
               -- Both percentiles from one sort (two calls sort twice); null without a resolved complaint.
               percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY extract(epoch FROM c.resolved_at - c.received_at)::float8 / 3600),
               -- Generated columns rather than last_callback's jsonb, so that this reads ix_complaints_report alone: unpacking
               -- jsonb per complaint cost more than the scan. Every callback has an overall score.
               count(c.callback_overall),
               count(*) FILTER (WHERE c.callback_overall >= 4),
               round(avg(c.callback_overall), 2)::float8,
               round(avg(c.callback_attitude), 2)::float8,
               round(avg(c.callback_speed), 2)::float8,
               round(avg(c.callback_professionalism), 2)::float8,
               round(avg(c.callback_outcome), 2)::float8
        FROM complaints c WHERE {InPeriod}
        """;

    // The deepest "why" of the 5 Whys is the root cause.
    private const string RootCause = "c.root_cause[cardinality(c.root_cause)]";

    // One scan of the period and the one before it for the five breakdowns and the categories' trend (a scan each cost
    // as much as all the grouping), reading ix_complaints_report alone. GROUPING tells which set a row belongs to (a 0
    // bit marks the grouped column). Only keys seen in the period count; the order within a dimension is the ranking
    // of its trend.
    private const string BreakdownSql = """
        SELECT CASE GROUPING(c.kind, c.category, c.grade_code, c.channel, c.status)
                 WHEN 15 THEN 'kind' WHEN 23 THEN 'category' WHEN 27 THEN 'grade' WHEN 29 THEN 'channel' ELSE 'status' END AS dimension,
               COALESCE(c.kind, c.category, c.grade_code, c.channel, c.status, 'UNGRADED') COLLATE "C" AS key,
               count(*) FILTER (WHERE c.received_at >= @start) AS count,
               count(*) FILTER (WHERE c.received_at < @start) AS previous_count
        FROM complaints c
        WHERE c.tenant_id = @tenant AND c.received_at >= @previous_start AND c.received_at < @end
        GROUP BY GROUPING SETS ((c.kind), (c.category), (c.grade_code), (c.channel), (c.status))
        HAVING count(*) FILTER (WHERE c.received_at >= @start) > 0
        ORDER BY dimension, count DESC, key
        """;

    // Root causes are free text, too wide for an index row: they are grouped by the digest of the deepest why
    // (root_cause_digest, read from ix_complaints_root_causes alone), and only the contenders for the top places, the
    // groups counting at least as many as the third largest, have their text read, from one complaint each (the latest,
    // found by its receipt), for the ranking by text among equal counts. A complaint without a root cause is in no row.
    private static readonly string RootCauseSql = $"""
        WITH tallies AS (
            SELECT c.root_cause_digest AS digest,
                   count(*) FILTER (WHERE c.received_at >= @start) AS count,
                   count(*) FILTER (WHERE c.received_at < @start) AS previous_count,
                   max(c.received_at) AS last_received_at
            FROM complaints c
            WHERE c.tenant_id = @tenant AND c.received_at >= @previous_start AND c.received_at < @end AND cardinality(c.root_cause) > 0
            GROUP BY c.root_cause_digest
            HAVING count(*) FILTER (WHERE c.received_at >= @start) > 0)
        SELECT 'rootCause', k.key COLLATE "C" AS key, t.count, t.previous_count
        FROM tallies t
        CROSS JOIN LATERAL (SELECT {RootCause} AS key FROM complaints c
                            WHERE c.tenant_id = @tenant AND c.received_at = t.last_received_at AND c.root_cause_digest = t.digest
                            LIMIT 1) k
        WHERE t.count >= (SELECT min(top.count) FROM (SELECT count FROM tallies ORDER BY count DESC LIMIT {TopProblems}) top)
        ORDER BY t.count DESC, key
        LIMIT {TopProblems}
        """;

    // Departments of the current plan's tasks; a complaint counts once per department. complaint_plan_departments
    // holds each plan's departments once, with the complaint's receipt, kept by triggers (migration
    // ReportPlanDepartments): one index, where joining the period's complaints with their tasks cost 40 % of a busy month.
    private const string DepartmentSql = """
        SELECT d.department, count(*)
        FROM complaint_plan_departments d
        WHERE d.tenant_id = @tenant AND d.received_at >= @start AND d.received_at < @end
        GROUP BY d.department
        ORDER BY 2 DESC, d.department COLLATE "C"
        """;

    // Clocks are counted per kind and grade first; the per-kind totals then add up those few rows rather than grouping
    // every clock a second time. Each clock carries its complaint's receipt and current grade, kept by triggers
    // (migration ReportClocksByReceipt): one index, where joining the period's complaints with their clocks was the
    // largest statement of a busy month.
    private const string SlaSql = """
        SELECT g.kind, GROUPING(g.grade) = 1, COALESCE(g.grade, 'UNGRADED'), sum(g.met)::bigint, sum(g.breached)::bigint, sum(g.running)::bigint
        FROM (SELECT s.kind, s.complaint_grade_code AS grade,
                     count(*) FILTER (WHERE s.state = 'Met') AS met,
                     count(*) FILTER (WHERE s.state = 'Breached') AS breached,
                     count(*) FILTER (WHERE s.state NOT IN ('Met', 'Breached', 'Stopped')) AS running
              FROM sla_clocks s
              WHERE s.tenant_id = @tenant AND s.complaint_received_at >= @start AND s.complaint_received_at < @end
              GROUP BY s.kind, s.complaint_grade_code) g
        GROUP BY GROUPING SETS ((g.kind), (g.kind, g.grade))
        ORDER BY g.kind COLLATE "C", GROUPING(g.grade) DESC, g.grade COLLATE "C"
        """;

    // Read in the order of ix_complaints_tenant_id_grade_rank_received_at_number: no sort of the period's complaints.
    private static readonly string TypicalSql = $"""
        SELECT c.id, c.number, c.grade_code, c.category, c.status
        FROM complaints c WHERE {InPeriod}
        ORDER BY c.grade_rank DESC NULLS LAST, c.received_at, c.number
        LIMIT {TypicalCaseCount}
        """;

    // An audit is an object in the report's jsonb; a report not yet audited holds a JSON null there. Only the
    // complaints with a report, through their partial index ix_complaints_analysis_reports.
    private const string AnalysisSql = $"""
        SELECT count(*),
               count(*) FILTER (WHERE jsonb_typeof(c.analysis_report->'audit') = 'object'),
               count(*) FILTER (WHERE (c.analysis_report->'audit'->>'fixEffective')::boolean)
        FROM complaints c WHERE {InPeriod} AND c.analysis_report IS NOT NULL
        """;

    // The tenant's rate as a one-row table; a policy without the setting (only the winery has it) yields a null rate.
    private const string TenantRate = "(SELECT (t.policy_settings->>'yuanPerPoint')::numeric AS yuan FROM tenants t WHERE t.id = @tenant) r";

    // The ledger counts penalties booked in the period, whenever their complaint came in.
    private const string Booked = "p.tenant_id = @tenant AND p.at >= @start AND p.at < @end";

    // The targets in the enum's order.
    private static readonly string Targets = $"ARRAY[{string.Join(", ", Enum.GetNames<PenaltyTarget>().Select(n => $"'{n}'"))}]";

    // Every target in the enum's order, so a target that lost nothing still shows its zero.
    private static readonly string LedgerTotalsSql = $"""
        SELECT k.target, count(p.id), COALESCE(sum(p.points), 0), COALESCE(sum(p.points), 0) * r.yuan, r.yuan
        FROM unnest({Targets}) WITH ORDINALITY AS k(target, ord)
        CROSS JOIN {TenantRate}
        LEFT JOIN penalty_entries p ON p.target = k.target AND {Booked}
        GROUP BY k.target, k.ord, r.yuan
        ORDER BY k.ord
        """;

    // Who bore the points: each department (its own DEPARTMENT penalties), and each head, unit leader and responsible
    // person by department and person; heaviest first. The attribution is the one snapshotted at booking.
    private static readonly string LedgerBearersSql = $"""
        SELECT p.target, p.department, p.person_id, p.person_email, count(*), sum(p.points), sum(p.points) * r.yuan
        FROM penalty_entries p CROSS JOIN {TenantRate}
        WHERE {Booked}
        GROUP BY p.target, p.department, p.person_id, p.person_email, r.yuan
        ORDER BY 6 DESC, array_position({Targets}, p.target::text), p.department COLLATE "C" NULLS LAST, p.person_email COLLATE "C" NULLS LAST
        """;

    private const string LedgerEntriesSql = $"""
        SELECT p.complaint_id, c.number, p.target, p.points, p.points * r.yuan, p.rule, p.occasion, p.decided_by_department, p.up_to_dismissal, p.at,
               p.department, p.person_id, p.person_email
        FROM penalty_entries p JOIN complaints c ON c.id = p.complaint_id AND c.tenant_id = @tenant
        CROSS JOIN {TenantRate}
        WHERE {Booked}
        ORDER BY p.at, p.id
        """;

    public async Task<ComplaintReport> RunAsync(ReportPeriodInput input, CancellationToken cancellationToken)
    {
        var scope = await ReportScope.ResolveAsync(db, tenantContext, input, cancellationToken);

        // The clocks and the breakdowns run on a second connection beside the other statements: in a busy month they
        // are about half the report's database time, and one batch runs on one core.
        await using var second = contexts.Create(tenantContext);
        var tallies = QueryAsync(second, scope, [SlaSql, BreakdownSql], ReadTalliesAsync, cancellationToken);
        var figures = QueryAsync(
            db, scope,
            [SummarySql, RootCauseSql, DepartmentSql, TypicalSql, AnalysisSql, LedgerTotalsSql, LedgerBearersSql, LedgerEntriesSql, PreventiveMeasureOutcomes.Sql,
                ChannelResponseCompliance.Sql],
            ReadFiguresAsync, cancellationToken);
        await Task.WhenAll(tallies, figures);
        return Compose(scope.Period, await tallies, await figures);
    }

    private static async Task<T> QueryAsync<T>(
        ComplaintCloudDbContext context, ReportScope scope, string[] statements, Func<NpgsqlDataReader, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // The report already spreads its statements over two connections; PostgreSQL's parallel workers on top of
            // that cost more than they gained (on 2 cores, a month of 100,000 complaints: 863 ms with them, 637 without).
            // The percentiles' sort of a month's resolved hours spills to disk at the default 4 MB (about twice as slow
            // for 67,000 of them). Each statement is planned for its tenant's own figures, never with the generic plan
            // made for an average tenant (TenantPlans). The pool's reset undoes the three settings.
            await context.Database.ExecuteSqlRawAsync(
                "SET max_parallel_workers_per_gather = 0; SET work_mem = '32MB'; SET plan_cache_mode = force_custom_plan", cancellationToken);
            await using var batch = new NpgsqlBatch((NpgsqlConnection)context.Database.GetDbConnection());
            foreach (var sql in statements)
            {
                var command = new NpgsqlBatchCommand(sql);
                command.Parameters.AddWithValue("tenant", scope.TenantId);
                command.Parameters.AddWithValue("start", scope.Start.ToDateTimeUtc());
                command.Parameters.AddWithValue("end", scope.End.ToDateTimeUtc());
                command.Parameters.AddWithValue("previous_start", scope.PreviousStart.ToDateTimeUtc());
                command.Parameters.AddWithValue("seed_standards", SeedStandards);
                batch.BatchCommands.Add(command);
            }

            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            return await read(reader, cancellationToken);
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }

    private sealed record Breakdown(string Dimension, string Key, int Count, int PreviousCount);

    private sealed record Tallies(IReadOnlyList<SlaCompliance> Sla, IReadOnlyList<Breakdown> Breakdowns);

    private static async Task<Tallies> ReadTalliesAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var sla = new List<SlaCompliance>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var met = reader.GetInt64(3);
            var breached = reader.GetInt64(4);
            sla.Add(new SlaCompliance(
                reader.GetString(0), reader.GetBoolean(1) ? null : reader.GetString(2), (int)met, (int)breached, (int)reader.GetInt64(5), Rate.Of(met, met + breached)));
        }

        await reader.NextResultAsync(cancellationToken);
        var breakdowns = await ReadBreakdownsAsync(reader, cancellationToken);
        return new Tallies(sla, breakdowns);
    }

    // Rows of (dimension, key, count, previous count): the breakdowns, or the top root causes.
    private static async Task<List<Breakdown>> ReadBreakdownsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var breakdowns = new List<Breakdown>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var dimension = reader.GetString(0);
            var key = reader.GetString(1);
            // Enum columns hold C# names; the report speaks the API's SCREAMING_CASE.
            breakdowns.Add(new Breakdown(
                dimension, dimension is "kind" or "channel" or "status" ? ReportNames.ScreamingCase(key) : key, (int)reader.GetInt64(2), (int)reader.GetInt64(3)));
        }

        return breakdowns;
    }

    private sealed record Summary(
        int Total, Rate Resolution, Rate FirstContact, Rate Reopen, Rate Duplicate, Rate CallbackSatisfaction, double? P50, double? P90,
        SatisfactionAverages Satisfaction);

    private sealed record Figures(
        Summary Summary, IReadOnlyList<Breakdown> RootCauses, IReadOnlyList<Tally> Departments, IReadOnlyList<TypicalCase> Typical,
        AnalysisReportCounts Analysis, PointsLedger Ledger, IReadOnlyList<PreventiveMeasureOutcome> Measures, IReadOnlyList<ChannelResponse> ChannelResponse);

    private static async Task<Figures> ReadFiguresAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt64(0);
        var resolved = reader.GetInt64(1);
        var percentiles = reader.IsDBNull(5) ? null : reader.GetFieldValue<double[]>(5);
        var callbacks = reader.GetInt64(6);
        var summary = new Summary(
            (int)total, Rate.Of(resolved, total), Rate.Of(reader.GetInt64(2), resolved), Rate.Of(reader.GetInt64(3), total), Rate.Of(reader.GetInt64(4), total),
            Rate.Of(reader.GetInt64(7), callbacks), Hours(percentiles, 0), Hours(percentiles, 1),
            new SatisfactionAverages((int)callbacks, Nullable(reader, 8), Nullable(reader, 9), Nullable(reader, 10), Nullable(reader, 11), Nullable(reader, 12)));

        await reader.NextResultAsync(cancellationToken);
        var rootCauses = await ReadBreakdownsAsync(reader, cancellationToken);

        await reader.NextResultAsync(cancellationToken);
        var departments = new List<Tally>();
        while (await reader.ReadAsync(cancellationToken))
        {
            departments.Add(new Tally(reader.GetString(0), (int)reader.GetInt64(1)));
        }

        await reader.NextResultAsync(cancellationToken);
        var typical = new List<TypicalCase>();
        while (await reader.ReadAsync(cancellationToken))
        {
            typical.Add(new TypicalCase(
                reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), ReportNames.ScreamingCase(reader.GetString(4))));
        }

        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (written, audited) = (reader.GetInt64(0), reader.GetInt64(1));
        var analysis = new AnalysisReportCounts((int)written, Rate.Of(audited, written), Rate.Of(reader.GetInt64(2), audited));

        var ledger = await LedgerAsync(reader, cancellationToken);
        var measures = await PreventiveMeasureOutcomes.ReadAsync(reader, cancellationToken);
        var channelResponse = await ChannelResponseCompliance.ReadAsync(reader, cancellationToken);
        return new Figures(summary, rootCauses, departments, typical, analysis, ledger, measures, channelResponse);
    }

    private static ComplaintReport Compose(ReportPeriod period, Tallies tallies, Figures figures)
    {
        var (summary, breakdowns) = (figures.Summary, tallies.Breakdowns.Concat(figures.RootCauses).ToList());
        IReadOnlyList<Tally> Of(string dimension) => breakdowns.Where(b => b.Dimension == dimension).Select(b => new Tally(b.Key, b.Count)).ToList();
        IReadOnlyList<RecurringProblem> Top(string dimension) => breakdowns.Where(b => b.Dimension == dimension).Take(TopProblems)
            .Select(b => new RecurringProblem(b.Key, b.Count, b.PreviousCount, Trend(b.Count, b.PreviousCount))).ToList();
        return new ComplaintReport(
            Date(period.From), Date(period.To), Date(period.PreviousFrom), Date(period.PreviousTo), summary.Total,
            Of("kind"), Of("category"), Of("grade"), Of("channel"), Of("status"), figures.Departments,
            summary.Resolution, summary.FirstContact, summary.Reopen, summary.Duplicate, summary.CallbackSatisfaction,
            summary.P50, summary.P90, summary.Satisfaction, tallies.Sla, Top("category"), Top("rootCause"), figures.Typical, figures.Analysis,
            figures.Ledger, figures.Measures, figures.ChannelResponse);
    }

    private static async Task<PointsLedger> LedgerAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        await reader.NextResultAsync(cancellationToken);
        var totals = new List<LedgerTotal>();
        decimal? yuanPerPoint = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            totals.Add(new LedgerTotal(ReportNames.ScreamingCase(reader.GetString(0)), (int)reader.GetInt64(1), (int)reader.GetInt64(2), Money(reader, 3)));
            // Every row carries the rate; there is always a row per target.
            yuanPerPoint = Money(reader, 4);
        }

        await reader.NextResultAsync(cancellationToken);
        var departments = new List<DepartmentLedgerTotal>();
        var people = new List<PersonLedgerTotal>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var (entryCount, points, money) = ((int)reader.GetInt64(4), (int)reader.GetInt64(5), Money(reader, 6));
            if (reader.GetString(0) == nameof(PenaltyTarget.Department))
            {
                departments.Add(new DepartmentLedgerTotal(Text(reader, 1), entryCount, points, money));
            }
            else
            {
                people.Add(new PersonLedgerTotal(ReportNames.ScreamingCase(reader.GetString(0)), Text(reader, 1), Id(reader, 2), Text(reader, 3), entryCount, points, money));
            }
        }

        await reader.NextResultAsync(cancellationToken);
        var entries = new List<LedgerEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new LedgerEntry(
                reader.GetGuid(0), reader.GetString(1), ReportNames.ScreamingCase(reader.GetString(2)), reader.GetInt32(3), Money(reader, 4), reader.GetString(5),
                ReportNames.ScreamingCase(reader.GetString(6)), reader.GetBoolean(7), reader.GetBoolean(8), Instant.FromDateTimeUtc(reader.GetFieldValue<DateTime>(9)),
                Text(reader, 10), Id(reader, 11), Text(reader, 12)));
        }

        return new PointsLedger(yuanPerPoint, totals, departments, people, entries);
    }

    private static string Trend(int count, int previous) => previous == 0 ? "NEW" : count > previous ? "UP" : count < previous ? "DOWN" : "SAME";

    private static decimal? Money(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDecimal(ordinal);

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static Guid? Id(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetGuid(ordinal);

    private static double? Hours(double[]? percentiles, int index) => percentiles is null ? null : Math.Round(percentiles[index], 2);

    private static double? Nullable(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);

    private static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
