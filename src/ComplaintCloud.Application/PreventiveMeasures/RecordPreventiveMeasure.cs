using ComplaintCloud.Application.Reports;
using ComplaintCloud.Domain;
using ComplaintCloud.Domain.PreventiveMeasures;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintCloud.Application.PreventiveMeasures;

/// <summary>A measure against a problem seen in a report period (<c>Period</c>, as <c>report(period)</c> takes it).</summary>
public sealed record RecordPreventiveMeasureCommand(
    ProblemKind ProblemKind, string ProblemKey, ReportPeriodInput Period, string Measure, Guid OwnerId, LocalDate DueOn);

/// <summary>Records a proposed measure against a problem that complaints received in the period show.</summary>
public sealed class RecordPreventiveMeasureHandler(PreventiveMeasureWork work, TenantContext tenantContext)
{
    public async Task<PreventiveMeasure> HandleAsync(RecordPreventiveMeasureCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = work.Actor();
        var scope = await ReportScope.ResolveAsync(work.Db, tenantContext, command.Period, cancellationToken, "input.period");
        await work.RequireUserAsync(command.OwnerId, "input.ownerId", cancellationToken);
        if (!await OccurredAsync(scope, command.ProblemKind, command.ProblemKey, cancellationToken))
        {
            throw new DomainException(
                ErrorCode.BadUserInput, "No complaint received in the period has this problem; use a key the period's report gives.", "input.problemKey");
        }

        var draft = new PreventiveMeasureDraft(
            command.ProblemKind, command.ProblemKey, scope.Period.From, scope.Period.To, command.Measure, command.OwnerId, command.DueOn);
        var measure = PreventiveMeasure.Record(scope.TenantId, actor, draft, work.Now.InZone(scope.Zone).Date, work.Now);
        work.Db.PreventiveMeasures.Add(measure);
        return await work.SaveAsync(measure, cancellationToken);
    }

    private Task<bool> OccurredAsync(ReportScope scope, ProblemKind kind, string key, CancellationToken cancellationToken)
    {
        // The key expression is one of two constants, never input; the values are parameters.
        var sql = $"""
            SELECT EXISTS (SELECT 1 FROM complaints c
                           WHERE c.tenant_id = @tenant AND c.received_at >= @start AND c.received_at < @end AND {ProblemKeys.Sql(kind)} = @key) AS "Value"
            """;
        return work.Db.Database.SqlQueryRaw<bool>(
            sql,
            new Npgsql.NpgsqlParameter("tenant", scope.TenantId),
            new Npgsql.NpgsqlParameter("start", scope.Start.ToDateTimeUtc()),
            new Npgsql.NpgsqlParameter("end", scope.End.ToDateTimeUtc()),
            new Npgsql.NpgsqlParameter("key", key.Trim()))
            .SingleAsync(cancellationToken);
    }
}
