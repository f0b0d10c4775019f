using Npgsql;

namespace ComplaintCloud.Application.Reports;

/// <summary>
/// Seed 001's channel standards in the report: per channel and customer tier the tenant has a standard for, the
/// complaints received in the period whose channel reported a first-response time, and how many were within it.
/// </summary>
public static class ChannelResponseCompliance
{
    // The tenant's standards, or seed 001's; complaints hold channel and tier by their C# names, as the standards do.
    // It reads the partial index ix_complaints_first_responses alone: only its columns.
    public const string Sql = """
        SELECT s.channel, s.tier, s.seconds, count(c.first_response_seconds), count(*) FILTER (WHERE c.first_response_seconds <= s.seconds)
        FROM tenants t
        CROSS JOIN LATERAL jsonb_to_recordset(COALESCE(t.channel_standards, @seed_standards::jsonb)) AS s(channel text, tier text, seconds int)
        LEFT JOIN complaints c ON c.tenant_id = @tenant AND c.received_at >= @start AND c.received_at < @end
             AND c.channel = s.channel AND c.customer_tier = s.tier AND c.first_response_seconds IS NOT NULL
        WHERE t.id = @tenant
        GROUP BY s.channel, s.tier, s.seconds
        ORDER BY s.channel COLLATE "C", s.tier COLLATE "C"
        """;

    public static async Task<IReadOnlyList<ChannelResponse>> ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        await reader.NextResultAsync(cancellationToken);
        var rows = new List<ChannelResponse>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var measured = reader.GetInt64(3);
            rows.Add(new ChannelResponse(
                ReportNames.ScreamingCase(reader.GetString(0)), ReportNames.ScreamingCase(reader.GetString(1)), reader.GetInt32(2), Rate.Of(reader.GetInt64(4), measured)));
        }

        return rows;
    }
}

/// <summary>A channel and tier's first-response standard and the share of measured complaints within it.</summary>
public sealed record ChannelResponse(string Channel, string Tier, int StandardSeconds, Rate Compliance);
