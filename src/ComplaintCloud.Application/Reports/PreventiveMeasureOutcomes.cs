using ComplaintCloud.Application.PreventiveMeasures;
using Npgsql;

namespace ComplaintCloud.Application.Reports;

/// <summary>
/// Whether a signed-off measure's problem came back: its count in the period and in the previous one; recurred when the
/// period has any. Dates are the tenant's, as YYYY-MM-DD; kind and status in the API's SCREAMING_CASE.
/// </summary>
public sealed record PreventiveMeasureOutcome(
    Guid MeasureId, string ProblemKind, string ProblemKey, string Measure, string Status, string DueOn, int Count, int PreviousCount, bool Recurred);

/// <summary>The report's <c>preventiveMeasures</c> section: one statement of the report's batch, and its reader.</summary>
internal static class PreventiveMeasureOutcomes
{
    // A measure is judged by the periods that start after its sign-off, so the whole period runs with it in force. It
    // stays in each report while open, and once done it shows in one more: the period after the one it was done in.
    public static readonly string Sql = $"""
        SELECT m.id, m.problem_kind, m.problem_key, m.measure, m.status, to_char(m.due_on, 'YYYY-MM-DD'), n.count, n.previous
        FROM preventive_measures m
        CROSS JOIN LATERAL (
            SELECT count(*) FILTER (WHERE c.received_at >= @start) AS count, count(*) FILTER (WHERE c.received_at < @start) AS previous
            FROM complaints c
            WHERE c.tenant_id = @tenant AND c.received_at >= @previous_start AND c.received_at < @end
              AND {ProblemKeys.ByMeasure} = m.problem_key) n
        WHERE m.tenant_id = @tenant AND m.signed_off_at < @start AND (m.done_at IS NULL OR m.done_at >= @previous_start)
        ORDER BY m.signed_off_at, m.id
        """;

    public static async Task<IReadOnlyList<PreventiveMeasureOutcome>> ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        await reader.NextResultAsync(cancellationToken);
        var outcomes = new List<PreventiveMeasureOutcome>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var count = (int)reader.GetInt64(6);
            outcomes.Add(new PreventiveMeasureOutcome(
                reader.GetGuid(0), ReportNames.ScreamingCase(reader.GetString(1)), reader.GetString(2), reader.GetString(3),
                ReportNames.ScreamingCase(reader.GetString(4)), reader.GetString(5), count, (int)reader.GetInt64(7), count > 0));
        }

        return outcomes;
    }
}
