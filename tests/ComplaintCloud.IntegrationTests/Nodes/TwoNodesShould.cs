using Npgsql;
using Xunit.Abstractions;

namespace ComplaintCloud.IntegrationTests.Nodes;

/// <summary>
/// Issue 15, point 4: two nodes on one database, one of them killed with SIGKILL in the middle of a sweep while
/// deadlines fall due and complaints arrive (<see cref="KilledNodeDrill"/>). Nothing acknowledged is lost or doubled,
/// every warning and breach happens once with its penalty and notifications, and the survivor takes the dead node's
/// clocks over within the Quartz check-in interval plus one sweep.
/// </summary>
public sealed class TwoNodesShould(KilledNodeDrill drill, ITestOutputHelper output) : IClassFixture<KilledNodeDrill>
{
    // A sweep passes every 250 ms and ends after 2 s without work (TenantClockJob).
    private static readonly TimeSpan OneSweep = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task StoreEveryAcknowledgedComplaintOnce()
    {
        var stored = await ListAsync<Guid>("SELECT id FROM complaints");
        var numbers = await ListAsync<string>("SELECT tenant_id || '/' || number FROM complaints");

        Assert.Empty(drill.Acknowledged.Except(stored));
        Assert.Equal(drill.Acknowledged.Count, drill.Acknowledged.Distinct().Count());
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        // Beyond the acknowledged, at most what the killed node stored without answering before it died.
        Assert.InRange(stored.Count, drill.Acknowledged.Count, drill.Attempted);
    }

    [Fact]
    public async Task WarnAndBreachEveryClockThatFellDueExactlyOnce()
    {
        var dueClocks = await CountAsync("SELECT count(*) FROM sla_clocks WHERE complaint_id = ANY(@rounds) AND due_at <= @horizon");

        Assert.True(dueClocks > 0, "No clock fell due.");
        foreach (var (occasion, eventType) in new[] { ("Warning", "CLOCK_WARNED"), ("Breached", "CLOCK_BREACHED") })
        {
            Assert.Equal(dueClocks, await CountAsync($"SELECT count(*) FROM clock_alerts WHERE occasion = '{occasion}' AND complaint_id = ANY(@rounds) AND due_at <= @horizon"));
            Assert.Equal(dueClocks, await CountAsync($"""
                SELECT count(*) FROM complaint_events e JOIN sla_clocks c ON c.id = (e.data->>'clockId')::uuid
                WHERE e.type = '{eventType}' AND c.complaint_id = ANY(@rounds) AND c.due_at <= @horizon
                """));
            Assert.Equal(dueClocks, await CountAsync($"""
                SELECT count(DISTINCT c.id) FROM complaint_events e JOIN sla_clocks c ON c.id = (e.data->>'clockId')::uuid
                WHERE e.type = '{eventType}' AND c.complaint_id = ANY(@rounds) AND c.due_at <= @horizon
                """));
        }
    }

    [Fact]
    public async Task BookEveryPenaltyAndSendEveryNotificationOfABreachExactlyOnce()
    {
        var breaches = await CountAsync("SELECT count(*) FROM clock_alerts WHERE occasion = 'Breached' AND complaint_id = ANY(@rounds) AND due_at <= @horizon");
        // A minor winery complaint's missed deadline costs the department 10 points: one ledger line per breach.
        var penalised = await ListAsync<long>("""
            SELECT count(p.*) FROM clock_alerts a LEFT JOIN penalty_entries p ON p.occasion_key = 'clock:' || a.clock_id || ':Breached'
            WHERE a.occasion = 'Breached' AND a.complaint_id = ANY(@rounds) AND a.due_at <= @horizon GROUP BY a.clock_id
            """);
        // Each alert notifies the same roles, so every alert of a kind and occasion has as many messages as any other.
        var notified = await ListAsync<string>("""
            SELECT a.clock_kind || ' ' || a.occasion || ': ' || count(m.*) FROM clock_alerts a
            LEFT JOIN notification_outbox m ON m.dedup_key LIKE '%clock:' || a.clock_id || ':' || a.occasion || ':%'
            WHERE a.complaint_id = ANY(@rounds) AND a.due_at <= @horizon GROUP BY a.clock_id, a.clock_kind, a.occasion
            """);

        Assert.Equal(breaches, penalised.Count);
        Assert.All(penalised, lines => Assert.Equal(1, lines));
        Assert.Equal(breaches, await CountAsync("""
            SELECT count(*) FROM complaint_events e JOIN clock_alerts a ON a.clock_id = (e.data->>'clockId')::uuid AND a.occasion = 'Breached'
            WHERE e.type = 'PENALTY_BOOKED' AND a.complaint_id = ANY(@rounds) AND a.due_at <= @horizon
            """));
        var perAlert = notified.Distinct().ToList();
        Assert.Equal(perAlert.Count, perAlert.Select(n => n[..n.IndexOf(':', StringComparison.Ordinal)]).Distinct().Count());
        Assert.DoesNotContain(perAlert, n => n.EndsWith(": 0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TakeOverTheDeadNodesClocksWithinTheCheckInIntervalPlusOneSweep()
    {
        var limit = KilledNodeDrill.CheckinInterval + KilledNodeDrill.CheckinMisfireThreshold + OneSweep;
        var dueAfterKill = await CountAsync("SELECT count(*) FROM clock_alerts WHERE due_at > @killed AND complaint_id = ANY(@rounds) AND due_at <= @horizon");
        var slowest = TimeSpan.FromSeconds(await ScalarAsync<double>("""
            SELECT extract(epoch FROM max(at - greatest(due_at, @killed)))::float8 FROM clock_alerts WHERE at > @killed AND complaint_id = ANY(@rounds) AND due_at <= @horizon
            """));
        output.WriteLine(
            $"{drill.KilledNode} killed after {drill.BreachesBeforeKill} breaches; {dueAfterKill} alerts fell due after; the slowest was handled "
            + $"{slowest.TotalSeconds:0.00} s after it fell due or the node died; the drill took {drill.Took.TotalSeconds:0} s.");

        Assert.True(drill.BreachesBeforeKill > 0, "The node was killed before any deadline was handled.");
        Assert.True(dueAfterKill > 0, "No clock fell due after the node was killed.");
        Assert.True(slowest <= limit, $"A clock was handled {slowest} after it fell due or the node died; the limit is {limit}.\n{drill.SurvivorOutput}");
    }

    private async Task<long> CountAsync(string sql) => await ScalarAsync<long>(sql);

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var database = DataSource();
        await using var query = Query(database, sql);
        return (T)(await query.ExecuteScalarAsync())!;
    }

    private async Task<List<T>> ListAsync<T>(string sql)
    {
        await using var database = DataSource();
        await using var query = Query(database, sql);
        await using var reader = await query.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetFieldValue<T>(0));
        }

        return rows;
    }

    private NpgsqlDataSource DataSource() => new NpgsqlDataSourceBuilder(drill.Database).UseNodaTime().Build();

    private NpgsqlCommand Query(NpgsqlDataSource database, string sql)
    {
        var query = database.CreateCommand(sql);
        query.Parameters.AddWithValue("horizon", drill.Horizon);
        query.Parameters.AddWithValue("rounds", drill.RoundComplaints.ToArray());
        query.Parameters.AddWithValue("killed", drill.KilledAt);
        return query;
    }
}
