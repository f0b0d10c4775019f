using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ComplaintCloud.Application;
using ComplaintCloud.Application.Tenants;
using ComplaintCloud.Infrastructure;
using ComplaintCloud.Infrastructure.Auth;
using ComplaintCloud.Infrastructure.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using Npgsql;
using Duration = NodaTime.Duration;

// SLA load benchmark (not a test): N clocks across T winery tenants, all falling due within a window that opens a
// little after the service starts, after a warm-up of one clock per tenant due a few seconds before it (handled, not
// measured: it loads the policy plugin and compiles the queries, as a running service has); measures the lag from each
// deadline to its breach being committed and announced, and the number of Quartz triggers. Usage: dotnet run -c Release --project benchmarks/ComplaintCloud.Benchmarks.Sla
// [tenants=1000] [clocks=100000] [windowSeconds=60] [superuserConnectionString]; without a connection string it runs
// on a throwaway private PostgreSQL.
var tenants = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var clocks = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
var window = Duration.FromSeconds(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 60);
// Room for seeding and arming before the first deadline.
var lead = Duration.FromSeconds(10 + clocks / 5000);

await using var database = await BenchmarkDatabase.StartAsync("complaintcloud_sla_bench", args.Length > 3 ? args[3] : null);
var connectionString = database.Connections.Runtime;
var seedingConnectionString = database.Superuser;

var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
if (Environment.GetEnvironmentVariable("BENCH_TRACE") == "1")
{
    builder.Logging.AddFilter("ComplaintCloud", LogLevel.Debug);
}
builder.Services.AddInfrastructure(connectionString, PluginsPath(), new AuthSettings(new string('k', 48), TimeSpan.FromHours(1), new Uri("http://127.0.0.1/reset-password")));
builder.Services.AddApplication();
using var host = builder.Build();

Console.WriteLine($"Seeding {tenants} tenants and {clocks} clocks…");
var template = await SeedTemplateAsync(host.Services);
var windowOpens = SystemClock.Instance.GetCurrentInstant() + lead;
await CloneAsync(seedingConnectionString, template, tenants, clocks, windowOpens, window);

var lags = new ConcurrentBag<(Instant DueAt, Duration Lag)>();
var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
using var subscription = host.Services.GetRequiredService<ClockAlertFeed>().Subscribe(new Recorder(notice =>
{
    if (notice.DueAt < windowOpens)
    {
        return;
    }

    lags.Add((notice.DueAt, SystemClock.Instance.GetCurrentInstant() - notice.DueAt));
    if (lags.Count >= clocks)
    {
        done.TrySetResult();
    }
}));

var postmaster = await PostmasterPidAsync(seedingConnectionString);
var serviceCpu = Process.GetCurrentProcess().TotalProcessorTime;
var databaseCpu = CpuTime.OfTree(postmaster);
var started = Stopwatch.StartNew();
await host.StartAsync();
Console.WriteLine($"Started and armed in {started.Elapsed.TotalSeconds:0.0} s; the window opens in {(windowOpens - SystemClock.Instance.GetCurrentInstant()).TotalSeconds:0.0} s.");
var triggers = 0L;
using (var sampling = new CancellationTokenSource())
{
    var sampler = Task.Run(async () =>
    {
        while (!sampling.IsCancellationRequested)
        {
            triggers = Math.Max(triggers, await CountTriggersAsync(seedingConnectionString));
            await Task.Delay(1000, CancellationToken.None);
        }
    });
    await done.Task.WaitAsync((window + lead + Duration.FromMinutes(5)).ToTimeSpan());
    await sampling.CancelAsync();
    await sampler;
}

serviceCpu = Process.GetCurrentProcess().TotalProcessorTime - serviceCpu;
databaseCpu = CpuTime.OfTree(postmaster) - databaseCpu;
await host.StopAsync();
Console.WriteLine($"Lag due → batch start (clock_alerts.at), p50/p99 ms: {await BatchStartLagAsync(seedingConnectionString)}");
var sorted = lags.Select(l => l.Lag.TotalMilliseconds).Order().ToArray();
Console.WriteLine($"{sorted.Length} breaches handled; lag due → committed: p50 {Percentile(sorted, 0.50):0} ms, p99 {Percentile(sorted, 0.99):0} ms, max {sorted[^1]:0} ms; at most {triggers} Quartz triggers.");
// The lag by when in the window the deadline fell: the first seconds carry the burst of every tenant's first deadline.
var phase = Duration.FromSeconds(10);
Console.WriteLine("lag p99 by 10 s of the window: " + string.Join(", ", lags
    .GroupBy(l => (int)((l.DueAt - windowOpens) / phase))
    .OrderBy(g => g.Key)
    .Select(g => $"{g.Key * 10}s {Percentile([.. g.Select(l => l.Lag.TotalMilliseconds).Order()], 0.99):0} ms")));
// CPU time tells what a breach costs whatever else the shared machine was doing; the lag does not.
Console.WriteLine($"CPU per breach: service {serviceCpu.TotalMilliseconds / (clocks + tenants):0.00} ms, PostgreSQL {databaseCpu.TotalMilliseconds / (clocks + tenants):0.00} ms (over {started.Elapsed.TotalSeconds:0} s, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}).");
return;

static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

static async Task<int> PostmasterPidAsync(string connectionString)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var backend = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
    return CpuTime.ParentOf((int)(await backend.ExecuteScalarAsync())!);
}

static async Task<Guid> SeedTemplateAsync(IServiceProvider services)
{
    await using var scope = services.CreateAsyncScope();
    var signedUp = await scope.ServiceProvider.GetRequiredService<SignUpHandler>().HandleAsync(
        new SignUpCommand("Bench 0", "bench-0", "admin@bench-0.example", "a-long-password", "winery"), CancellationToken.None);
    return signedUp.Tenant.Id;
}

// Copies the template tenant and makes graded winery complaints in SQL (intake one by one would take longer than the
// benchmark), with one warned RESOLVE clock per complaint falling due at a random instant of the window.
static async Task CloneAsync(string connectionString, Guid template, int tenants, int clocks, Instant opens, Duration window)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(
        """
        INSERT INTO tenants (id, slug, name, policy_id, policy_version, policy_settings, time_zone, created_at)
        SELECT gen_random_uuid(), 'bench-' || i, 'Bench ' || i, policy_id, policy_version, policy_settings, time_zone, created_at
        FROM tenants, generate_series(1, @tenants - 1) AS i WHERE id = @tenant;
        CREATE TEMP TABLE bench_tenants AS SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM tenants WHERE slug LIKE 'bench-%';
        CREATE TEMP TABLE bench_complaints AS
        SELECT gen_random_uuid() AS id, t.id AS tenant_id, i FROM generate_series(0, @clocks + @tenants - 1) AS i JOIN bench_tenants t ON t.n = i % @tenants;
        """, connection);
    command.Parameters.AddWithValue("tenant", template);
    command.Parameters.AddWithValue("tenants", tenants);
    command.Parameters.AddWithValue("clocks", clocks);
    await command.ExecuteNonQueryAsync();
    await using var copy = new NpgsqlCommand(
        """
        INSERT INTO complaints (id, tenant_id, number, status, kind, channel, category, description, request, amount_involved,
            customer_name, customer_contact, customer_number, customer_tier, safety_risk, legal_risk, publicity_risk,
            affected_customers, customer_emotion, attributes, grade_code, grade_rank, grade_reason, policy_id, policy_version, received_at)
        SELECT b.id, b.tenant_id, 'BENCH-' || b.i, 'Received', 'Complaint', 'Phone', 'product/quality', 'The wine is cloudy.', NULL, 100,
            'Wang', NULL, NULL, 'Normal', false, false, false, 1, 'Calm', '{}', 'MINOR', 1, 'benchmark', t.policy_id, t.policy_version, @opens
        FROM bench_complaints b JOIN tenants t ON t.id = b.tenant_id;
        INSERT INTO sla_clocks (id, tenant_id, complaint_id, kind, started_at, warn_at, due_at, pauses_while_waiting_on_customer, state,
            counts_business_time, budget, warning_percent, spent, spent_up_to, warned_at, next_alert_at)
        SELECT gen_random_uuid(), d.tenant_id, d.id, 'RESOLVE', d.due - interval '2 hours', d.due - interval '24 minutes', d.due, false, 'Warned',
            false, interval '2 hours', 80, interval '0', d.due - interval '2 hours', d.due - interval '24 minutes', d.due
        FROM (SELECT b.*, CASE WHEN b.i < @clocks THEN @opens + random() * @window
                               ELSE @opens - interval '8 seconds' + random() * interval '3 seconds' END AS due
              FROM bench_complaints b) AS d;
        """, connection);
    copy.Parameters.AddWithValue("opens", opens.ToDateTimeUtc());
    copy.Parameters.AddWithValue("window", window.ToTimeSpan());
    copy.Parameters.AddWithValue("clocks", clocks);
    copy.CommandTimeout = 600;
    await copy.ExecuteNonQueryAsync();
}

static async Task<string> BatchStartLagAsync(string connectionString)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var lag = new NpgsqlCommand(
        """
        SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM at - due_at)) * 1000) || ' / ' ||
               round(percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM at - due_at)) * 1000)
        FROM clock_alerts
        """, connection);
    return (string)(await lag.ExecuteScalarAsync())!;
}

static async Task<long> CountTriggersAsync(string connectionString)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var count = new NpgsqlCommand("SELECT count(*) FROM qrtz_triggers", connection);
    return (long)(await count.ExecuteScalarAsync())!;
}

static string PluginsPath()
{
    for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "ComplaintCloud.sln")))
        {
            return Path.Combine(folder.FullName, "artifacts", "plugins");
        }
    }

    throw new InvalidOperationException("Run the benchmark from the checkout: the built-in plugins are found below it.");
}

internal sealed class Recorder(Action<ClockAlertNotice> onNext) : IObserver<ClockAlertNotice>
{
    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void OnNext(ClockAlertNotice value) => onNext(value);
}

/// <summary>CPU time of a process and its children alive now, read from /proc (Linux), in clock ticks of 10 ms.</summary>
internal static class CpuTime
{
    public static TimeSpan OfTree(int root)
    {
        var ticks = 0L;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), out var pid) && Stat(pid) is { } stat && (pid == root || stat.Parent == root))
            {
                ticks += stat.Ticks;
            }
        }

        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    public static int ParentOf(int pid) => Stat(pid)?.Parent ?? throw new InvalidOperationException($"No process {pid}.");

    // Fields after the command name: state ppid … utime (14th) stime (15th).
    private static (int Parent, long Ticks)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return (int.Parse(fields[1], CultureInfo.InvariantCulture),
                long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            return null;
        }
    }
}
