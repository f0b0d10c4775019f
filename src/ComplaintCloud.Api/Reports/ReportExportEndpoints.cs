using System.Globalization;
using ComplaintCloud.Application.Reports;
using ComplaintCloud.Domain;
using NodaTime;
using NodaTime.Text;

namespace ComplaintCloud.Api.Reports;

/// <summary>
/// <c>GET /reports/complaints.csv</c> and <c>GET /reports/report.csv</c> with <c>?month=</c>, <c>?quarter=</c> or
/// <c>?from=&amp;to=</c>, under the same bearer token as GraphQL. The period is checked before the first byte goes out,
/// so bad input is a 400 with the GraphQL error shape; rows then stream as they are read.
/// </summary>
public static class ReportExportEndpoints
{
    private const string CsvType = "text/csv; charset=utf-8";
    private static readonly LocalDateTimePattern LocalTime = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm':'ss");

    public static void MapReportExports(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/reports/complaints.csv", ComplaintsAsync);
        app.MapGet("/reports/report.csv", ReportAsync);
    }

    private static async Task ComplaintsAsync(HttpContext context, ComplaintListExport export)
    {
        await RefuseBadInputAsync(context, async () =>
        {
            var (scope, rows) = await export.OpenAsync(Period(context.Request), context.RequestAborted);
            Start(context, $"complaints-{Name(scope.Period)}.csv");
            await using var csv = await CsvWriter.StartAsync(context.Response.Body, context.RequestAborted);
            await csv.RowAsync("number", "received_at", "kind", "channel", "category", "grade", "status", "resolved_at", "reopen_count", "duplicate", "description");
            await foreach (var row in rows.WithCancellation(context.RequestAborted))
            {
                await csv.RowAsync(
                    row.Number, Local(row.ReceivedAt, scope.Zone), Api(row.Kind), Api(row.Channel), row.Category, row.Grade, Api(row.Status),
                    row.ResolvedAt is { } resolved ? Local(resolved, scope.Zone) : null,
                    row.ReopenCount.ToString(CultureInfo.InvariantCulture), YesNo(row.Duplicate), row.Description);
            }
        });
    }

    private static async Task ReportAsync(HttpContext context, ComplaintReportQuery query)
    {
        await RefuseBadInputAsync(context, async () =>
        {
            var report = await query.RunAsync(Period(context.Request), context.RequestAborted);
            Start(context, $"report-{report.From}-{report.To}.csv");
            await using var csv = await CsvWriter.StartAsync(context.Response.Body, context.RequestAborted);
            await csv.RowAsync("section", "key", "detail", "count", "out_of", "previous_count", "value");
            await csv.RowAsync("period", "from", null, null, null, null, report.From);
            await csv.RowAsync("period", "to", null, null, null, null, report.To);
            await csv.RowAsync("total", null, null, Number(report.Total), null, null, null);
            foreach (var (section, tallies) in new[]
            {
                ("by_kind", report.ByKind), ("by_category", report.ByCategory), ("by_grade", report.ByGrade),
                ("by_channel", report.ByChannel), ("by_status", report.ByStatus), ("by_department", report.ByDepartment),
            })
            {
                foreach (var tally in tallies)
                {
                    await csv.RowAsync(section, tally.Key, null, Number(tally.Count), null, null, null);
                }
            }

            foreach (var (key, rate) in new[]
            {
                ("resolution", report.Resolution), ("first_contact_resolution", report.FirstContactResolution), ("reopen", report.Reopen),
                ("duplicate", report.Duplicate), ("callback_satisfaction", report.CallbackSatisfaction),
            })
            {
                await RateAsync(csv, "rate", key, null, rate);
            }

            await csv.RowAsync("resolution_hours", "p50", null, null, null, null, Number(report.ResolutionHoursP50));
            await csv.RowAsync("resolution_hours", "p90", null, null, null, null, Number(report.ResolutionHoursP90));
            var satisfaction = report.Satisfaction;
            foreach (var (key, average) in new[]
            {
                ("overall", satisfaction.Overall), ("attitude", satisfaction.Attitude), ("speed", satisfaction.Speed),
                ("professionalism", satisfaction.Professionalism), ("outcome", satisfaction.Outcome),
            })
            {
                await csv.RowAsync("satisfaction", key, null, Number(satisfaction.Callbacks), null, null, Number(average));
            }

            foreach (var sla in report.Sla)
            {
                await csv.RowAsync("sla", sla.ClockKind, sla.Grade ?? "ALL", Number(sla.Met), Number(sla.Met + sla.Breached), null, Number(sla.Compliance.Value));
            }

            foreach (var (section, problems) in new[] { ("top_category", report.TopCategories), ("top_root_cause", report.TopRootCauses) })
            {
                foreach (var problem in problems)
                {
                    await csv.RowAsync(section, problem.Key, problem.Trend, Number(problem.Count), null, Number(problem.PreviousCount), null);
                }
            }

            foreach (var typical in report.TypicalCases)
            {
                await csv.RowAsync("typical_case", typical.Number, typical.Grade, null, null, null, typical.Category);
            }

            foreach (var measure in report.PreventiveMeasures)
            {
                await csv.RowAsync("preventive_measure", measure.ProblemKey, measure.ProblemKind, Number(measure.Count), null, Number(measure.PreviousCount), measure.Recurred ? "recurred" : "not recurred");
            }

            var analysis = report.AnalysisReports;
            await csv.RowAsync("analysis_report", "written", null, Number(analysis.Written), null, null, null);
            foreach (var (key, rate) in new[] { ("audited", analysis.Audited), ("fix_effective", analysis.FixEffective) })
            {
                await RateAsync(csv, "analysis_report", key, null, rate);
            }

            // Seed 001: the standard a channel and tier is held to, then how many measured first responses met it.
            foreach (var channel in report.ChannelResponse)
            {
                await csv.RowAsync("channel_standard", channel.Channel, channel.Tier, null, null, null, Number(channel.StandardSeconds));
                await RateAsync(csv, "channel_response", channel.Channel, channel.Tier, channel.Compliance);
            }
            await LedgerAsync(csv, report.PointsLedger);
        });
    }

    // The ledger's lines have columns of their own, so it follows the figures as a second table after an empty line.
    private static Task RateAsync(CsvWriter csv, string section, string key, string? detail, Rate rate) =>
        csv.RowAsync(section, key, detail, Number(rate.Count), Number(rate.OutOf), null, Number(rate.Value));

    private static async Task LedgerAsync(CsvWriter csv, PointsLedger ledger)
    {
        await csv.RowAsync();
        await csv.RowAsync(
            "ledger", "target", "department", "person_id", "person_email", "entries", "points", "money",
            "complaint_number", "rule", "occasion", "decided_by_department", "up_to_dismissal", "at");
        // The rate reads as "1 point = 10 yuan".
        await csv.RowAsync("yuan_per_point", null, null, null, null, null, Number(1), Number(ledger.YuanPerPoint));
        foreach (var total in ledger.ByTarget)
        {
            await csv.RowAsync("by_target", total.Target, null, null, null, Number(total.Entries), Number(total.Points), Number(total.Money));
        }

        foreach (var total in ledger.ByDepartment)
        {
            await csv.RowAsync("by_department", "DEPARTMENT", total.Department, null, null, Number(total.Entries), Number(total.Points), Number(total.Money));
        }

        foreach (var total in ledger.ByPerson)
        {
            await csv.RowAsync("by_person", total.Target, total.Department, total.PersonId?.ToString(), total.PersonEmail, Number(total.Entries), Number(total.Points), Number(total.Money));
        }

        foreach (var entry in ledger.Entries)
        {
            await csv.RowAsync(
                "entry", entry.Target, entry.Department, entry.PersonId?.ToString(), entry.PersonEmail, null, Number(entry.Points), Number(entry.Money),
                entry.ComplaintNumber, entry.Rule, entry.Occasion, YesNo(entry.DecidedByDepartment), YesNo(entry.UpToDismissal), InstantPattern.General.Format(entry.At));
        }
    }

    private static ReportPeriodInput Period(HttpRequest request) => new()
    {
        From = request.Query["from"].FirstOrDefault(),
        To = request.Query["to"].FirstOrDefault(),
        Month = request.Query["month"].FirstOrDefault(),
        Quarter = request.Query["quarter"].FirstOrDefault(),
    };

    private static void Start(HttpContext context, string fileName)
    {
        context.Response.ContentType = CsvType;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
    }

    // Refusals come before the response starts, so they can still carry their own status and body.
    private static async Task RefuseBadInputAsync(HttpContext context, Func<Task> export)
    {
        try
        {
            await export();
        }
        catch (DomainException e) when (!context.Response.HasStarted)
        {
            context.Response.StatusCode = e.Code switch
            {
                ErrorCode.Unauthenticated => StatusCodes.Status401Unauthorized,
                ErrorCode.Forbidden => StatusCodes.Status403Forbidden,
                _ => StatusCodes.Status400BadRequest,
            };
            await context.Response.WriteAsJsonAsync(
                new { errors = new[] { new { message = e.Message, extensions = new { code = ReportNames.ScreamingCase(e.Code.ToString()), field = e.Field } } } },
                context.RequestAborted);
        }
    }

    private static string Name(ReportPeriod period) => $"{Date(period.From)}-{Date(period.To)}";

    private static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static string Local(Instant instant, DateTimeZone zone) => LocalTime.Format(instant.InZone(zone).LocalDateTime);

    private static string Api<T>(T value)
        where T : struct, Enum => ReportNames.ScreamingCase(value.ToString());

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Number(double? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string YesNo(bool value) => value ? "yes" : "no";
}
