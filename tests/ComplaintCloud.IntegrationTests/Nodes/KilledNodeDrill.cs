using System.Collections.Concurrent;
using System.Diagnostics;
using ComplaintCloud.Infrastructure.Data.Security;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using Npgsql;

namespace ComplaintCloud.IntegrationTests.Nodes;

/// <summary>
/// The fail-over drill, run once for the tests of <see cref="TwoNodesShould"/>: two service processes on one database,
/// winery tenants signed up and complaining through both (minor complaints: REPORT and ON_SITE within 10 minutes,
/// warned at 8); the nodes' clocks are moved forward so the warnings, then the deadlines fall due round after round,
/// and the first node seen inside a transaction of its sweep is killed with SIGKILL there, while the deadlines fall due
/// and complaints keep arriving. What happened is left in the database for the tests to read, past row-level security.
/// </summary>
public sealed class KilledNodeDrill : IAsyncLifetime
{
    /// <summary>The Quartz cluster's timings for the drill: a node takes another for dead this long after its last check-in.</summary>
    public static readonly TimeSpan CheckinInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan CheckinMisfireThreshold = TimeSpan.FromSeconds(2);

    private const int Tenants = 16;
    // Each tenant complains once a round; rounds are this far apart on the nodes' clocks, so the clocks of one round
    // fall due together and the rounds' one after the other.
    private const int Rounds = 8;
    private static readonly TimeSpan RoundSpacing = TimeSpan.FromSeconds(1);
    // The nodes' clocks are moved to this much before the first warning, then before the first deadline.
    private static readonly TimeSpan Lead = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan WaitLimit = TimeSpan.FromMinutes(2);

    private const string SubmitComplaint = """
        mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id } }
        """;

    private readonly PostgresFixture _postgres = new();
    private readonly ConcurrentBag<Guid> _acknowledged = [];
    private TimeSpan _offset;
    private int _attempted;

    /// <summary>The superuser's connection to the drill's database.</summary>
    public string Database { get; private set; } = "";

    /// <summary>Complaints whose submission the service answered with an id.</summary>
    public IReadOnlyCollection<Guid> Acknowledged => _acknowledged;

    /// <summary>Submissions tried, answered or not.</summary>
    public int Attempted => _attempted;

    /// <summary>The complaints of the rounds before the clocks were moved: the drill watches their clocks.</summary>
    public IReadOnlyCollection<Guid> RoundComplaints { get; private set; } = [];

    /// <summary>Their clocks that fell due during the drill are those due no later than this (not the RESOLUTION clocks).</summary>
    public Instant Horizon { get; private set; }

    /// <summary>When the node was killed, on the nodes' clock.</summary>
    public Instant KilledAt { get; private set; }

    /// <summary>Breaches committed when the node was killed inside a sweep's transaction.</summary>
    public long BreachesBeforeKill { get; private set; }

    public string KilledNode { get; private set; } = "";

    public string SurvivorOutput { get; private set; } = "";

    /// <summary>From the nodes' start to the last breach handled.</summary>
    public TimeSpan Took { get; private set; }

    public async Task InitializeAsync()
    {
        var watch = Stopwatch.StartNew();
        await _postgres.InitializeAsync();
        var database = await _postgres.CreateSecuredDatabaseAsync("nodes");
        // Migrated once before both start, as a deployment runs its migrations once.
        await DatabaseMigrator.MigrateAsync(database, NullLogger.Instance);
        Database = new NpgsqlConnectionStringBuilder(database.Migrations) { Username = "postgres", ApplicationName = "drill" }.ConnectionString;
        var signingKey = Convert.ToBase64String(Guid.NewGuid().ToByteArray()) + new string('k', 32);
        (string, string)[] cluster =
        [
            ("Sla:Cluster:CheckinInterval", CheckinInterval.ToString()),
            ("Sla:Cluster:CheckinMisfireThreshold", CheckinMisfireThreshold.ToString()),
        ];
        await using var nodeA = ServiceNode.Start("node-a", database, signingKey, cluster);
        await using var nodeB = ServiceNode.Start("node-b", database, signingKey, cluster);
        ServiceNode[] nodes = [nodeA, nodeB];
        await Task.WhenAll(nodeA.WaitUntilReadyAsync(), nodeB.WaitUntilReadyAsync());
        await using var observer = new NpgsqlDataSourceBuilder(Database).UseNodaTime().Build();

        var tokens = await Task.WhenAll(Enumerable.Range(0, Tenants).Select(t => SignUpAsync(nodes[t % 2])));
        for (var round = 0; round < Rounds; round++)
        {
            await Task.WhenAll(tokens.Select((token, t) => SubmitAsync(nodes[(t + round) % 2], token)));
            await AdvanceAsync(nodes, RoundSpacing);
        }

        RoundComplaints = [.. _acknowledged];
        var firstWarning = await ScalarAsync<Instant>(observer, "SELECT min(warn_at) FROM sla_clocks");
        var firstDeadline = await ScalarAsync<Instant>(observer, "SELECT min(due_at) FROM sla_clocks");
        // The rounds' REPORT and ON_SITE clocks; their RESOLUTION clocks run for hours.
        Horizon = await ScalarAsync<Instant>(observer, "SELECT max(due_at) FROM sla_clocks WHERE due_at < @firstDeadline + interval '30 minutes'", firstDeadline);
        var dueClocks = await ScalarAsync<long>(observer, "SELECT count(*) FROM sla_clocks WHERE complaint_id = ANY(@rounds) AND due_at <= @horizon");

        // The warnings fall due round by round, two minutes before the deadlines. Each move leaves the armed triggers
        // in the future or a moment past: a trigger more than Quartz's misfire threshold (a minute) late waits for its
        // misfire handler, which passes once a minute.
        await AdvanceAsync(nodes, (firstWarning - Now()).ToTimeSpan() - Lead);
        await WaitForAsync(observer, "SELECT count(*) FROM clock_alerts WHERE occasion = 'Warning' AND complaint_id = ANY(@rounds) AND due_at <= @horizon", dueClocks, nodes);

        // Then the deadlines, with complaints arriving at both nodes all along.
        using var stopSubmitting = new CancellationTokenSource();
        var submitting = KeepSubmittingAsync(nodes, tokens, stopSubmitting.Token);
        await AdvanceAsync(nodes, (firstDeadline - Now()).ToTimeSpan() - Lead);
        var killed = await KillInsideASweepAsync(observer, nodes, breachesFirst: dueClocks / 4);
        KilledAt = Now();
        var survivor = nodes.Single(node => node != killed);
        await WaitForAsync(observer, "SELECT count(*) FROM clock_alerts WHERE occasion = 'Breached' AND complaint_id = ANY(@rounds) AND due_at <= @horizon", dueClocks, nodes);
        await stopSubmitting.CancelAsync();
        await submitting;
        (KilledNode, SurvivorOutput, Took) = (killed.Name, survivor.Output, watch.Elapsed);
    }

    public Task DisposeAsync() => _postgres.DisposeAsync();

    private static async Task<string> SignUpAsync(ServiceNode node)
    {
        var slug = "n-" + Guid.NewGuid().ToString("N")[..12];
        var signedUp = await node.SendAsync(
            "mutation($input: SignUpInput!) { signUp(input: $input) { token } }",
            new { input = new { companyName = "Drill " + slug, slug, adminEmail = $"admin@{slug}.example", adminPassword = "a-long-password", policyId = "winery" } });
        return signedUp.GetProperty("signUp").GetProperty("token").GetString()!;
    }

    // A minor complaint (100 yuan), kept among the acknowledged when the service answers with its id. A refusal (on a
    // busy machine the policy may run past its 200 ms) or no answer in time is not an acknowledgement.
    private async Task SubmitAsync(ServiceNode node, string token)
    {
        Interlocked.Increment(ref _attempted);
        var input = new
        {
            channel = "PHONE",
            kind = "COMPLAINT",
            category = "product/quality",
            description = "The wine is cloudy.",
            customer = new { name = "Wang", contact = "138-0000-0000" },
            amountInvolved = 100,
        };
        try
        {
            var data = await node.SendAsync(SubmitComplaint, new { input }, token);
            _acknowledged.Add(Guid.Parse(data.GetProperty("submitComplaint").GetProperty("id").GetString()!));
        }
        catch (Exception e) when (e is InvalidOperationException or TaskCanceledException)
        {
            // Not acknowledged.
        }
    }

    // Both nodes in turn, one complaint at a time, until stopped; a node that stops answering is left out from then on.
    private async Task KeepSubmittingAsync(ServiceNode[] nodes, string[] tokens, CancellationToken stop)
    {
        var answering = nodes.ToList();
        for (var i = 0; !stop.IsCancellationRequested && answering.Count > 0; i++)
        {
            var node = answering[i % answering.Count];
            try
            {
                await SubmitAsync(node, tokens[i % tokens.Length]);
            }
            catch (HttpRequestException)
            {
                answering.Remove(node);
            }
        }
    }

    private async Task AdvanceAsync(ServiceNode[] nodes, TimeSpan by)
    {
        if (by <= TimeSpan.Zero)
        {
            return;
        }

        await Task.WhenAll(nodes.Select(node => node.AdvanceClockAsync(by)));
        _offset += by;
    }

    // The nodes' clock: the system's plus what the drill moved them by.
    private Instant Now() => Instant.FromDateTimeOffset(DateTimeOffset.UtcNow + _offset);

    // Watches the nodes' sessions until one is inside a transaction handling due clocks (it holds the row-share lock a
    // FOR UPDATE of sla_clocks takes, until it commits) once a share of the deadlines was handled, then kills that node.
    private async Task<ServiceNode> KillInsideASweepAsync(NpgsqlDataSource observer, ServiceNode[] nodes, long breachesFirst)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < WaitLimit)
        {
            await using var query = observer.CreateCommand(
                """
                SELECT (SELECT count(*) FROM clock_alerts WHERE occasion = 'Breached'),
                       (SELECT a.application_name FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid
                        WHERE a.application_name = ANY(@nodes) AND l.relation = 'sla_clocks'::regclass AND l.mode = 'RowShareLock'
                        LIMIT 1)
                """);
            query.Parameters.AddWithValue("nodes", nodes.Select(node => node.Name).ToArray());
            await using var reader = await query.ExecuteReaderAsync();
            await reader.ReadAsync();
            var breaches = reader.GetInt64(0);
            if (breaches >= breachesFirst && !reader.IsDBNull(1))
            {
                var sweeping = nodes.Single(node => node.Name == reader.GetString(1));
                await sweeping.KillAsync();
                BreachesBeforeKill = breaches;
                return sweeping;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }

        var warnings = await ScalarAsync<long>(observer, "SELECT count(*) FROM clock_alerts WHERE occasion = 'Warning'");
        var breached = await ScalarAsync<long>(observer, "SELECT count(*) FROM clock_alerts WHERE occasion = 'Breached'");
        throw new TimeoutException(
            $"No node was seen inside a transaction handling due clocks after {breachesFirst} breaches ({warnings} warnings, {breached} breaches):\n"
            + string.Join("\n", nodes.Select(node => node.Name + ": " + node.Output)));
    }

    // Polls the database until the count reaches what is expected: waiting for the nodes' work, not for time.
    private async Task WaitForAsync(NpgsqlDataSource observer, string countSql, long expected, ServiceNode[] nodes)
    {
        var watch = Stopwatch.StartNew();
        long found;
        while ((found = await ScalarAsync<long>(observer, countSql)) < expected)
        {
            if (watch.Elapsed > WaitLimit)
            {
                var waiting = await ScalarAsync<string>(observer, """
                    SELECT coalesce(string_agg(concat_ws(' ', tenant_id, kind, state, warn_at, next_alert_at), E'\n'), 'none') FROM sla_clocks
                    WHERE complaint_id = ANY(@rounds) AND due_at <= @horizon AND state IN ('Running', 'Warned')
                    """);
                throw new TimeoutException(
                    $"{found} of {expected} after {WaitLimit}: {countSql}\nAt {Now()} clocks still to alert:\n{waiting}\n"
                    + string.Join("\n", nodes.Select(node => node.Name + ": " + node.Output)));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    private async Task<T> ScalarAsync<T>(NpgsqlDataSource observer, string sql, Instant firstDeadline = default)
    {
        await using var query = observer.CreateCommand(sql);
        query.Parameters.AddWithValue("firstDeadline", firstDeadline);
        query.Parameters.AddWithValue("horizon", Horizon);
        query.Parameters.AddWithValue("rounds", RoundComplaints.ToArray());
        return (T)(await query.ExecuteScalarAsync())!;
    }
}
