using ComplaintCloud.Application.Reports;
using GraphQL;
using GraphQL.Types;

namespace ComplaintCloud.Api.GraphQL.Reports;

public static class ReportFields
{
    public static void AddTo(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<ComplaintReportType>>("report")
            .Description("The complaint analysis of a period in the tenant's time zone (SPEC §2.12); docs/reports.md defines each figure. Tenant admins and report readers only.")
            .Argument<NonNullGraphType<ReportPeriodInputType>>("period")
            .ResolveAsync(async c => await c.Service<ComplaintReportQuery>().RunAsync(c.GetArgument<ReportPeriodInput>("period"), c.CancellationToken));
    }
}
