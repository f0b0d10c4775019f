using System.Diagnostics;
using System.Globalization;
using ComplaintCloud.Application;
using ComplaintCloud.Application.Complaints.Intake;
using ComplaintCloud.Application.Tenants;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Infrastructure;
using ComplaintCloud.Infrastructure.Auth;
using ComplaintCloud.Infrastructure.Notifications;
using ComplaintCloud.Infrastructure.Tenancy;
using ComplaintCloud.IntegrationTests.Notifications;
using ComplaintCloud.Plugins.Abstractions;
using ComplaintCloud.Tests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using Npgsql;
using Duration = NodaTime.Duration;

// Delivery load run (issue 14.6; not a test): M customer acknowledgements across T tenants fall due over a window, and
// the service's own outbox loop delivers them by e-mail through a local SMTP server (the tests' SmtpSink on loopback).
// Each tenant's first complaint goes through intake, whose acknowledgement is then copied in SQL to the other
// customers (intake one by one would take longer than the run), so every message is composed, rendered, sent (over
// the connection the round keeps open to the relay) and followed up as a real one. Prints messages per second, the
// largest backlog (messages due and not yet sent), the lag from due to sent and the SMTP connections opened. Usage:
// dotnet run -c Release --project benchmarks/ComplaintCloud.Benchmarks.Outbox [messages=10000] [tenants=100]
// [windowSeconds=60] [superuserConnectionString]; without a connection string it runs on a throwaway private PostgreSQL.
var messages = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var tenants = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
var window = Duration.FromSeconds(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 60);

await using var benchmarkDatabase = await BenchmarkDatabase.StartAsync("complaintcloud_outbox_bench", args.Length > 3 ? args[3] : null);
var connections = benchmarkDatabase.Connections;
var database = benchmarkDatabase.Superuser;

using var relay = new SmtpSink();
var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddInfrastructure(connections.Runtime, Path.Combine(Checkout.Root(), "artifacts", "plugins"), new AuthSettings(new string('k', 48), TimeSpan.FromHours(1), new Uri("http://127.0.0.1/reset-password")));
builder.Services.AddApplication();
builder.Services.AddNotifications(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Notifications:Email:Host"] = "127.0.0.1",
    ["Notifications:Email:Port"] = relay.Port.ToString(CultureInfo.InvariantCulture),
    ["Notifications:Email:Security"] = "None",
    ["Notifications:Email:From"] = "desk@bench.example",
}).Build());
using var host = builder.Build();

Console.WriteLine($"Seeding {tenants} tenants and {messages} acknowledgements…");
for (var t = 0; t < tenants; t++)
{
    await SubmitFirstComplaintAsync(host.Services, t);
}

var windowOpens = SystemClock.Instance.GetCurrentInstant() + Duration.FromSeconds(5);
await CopyAcknowledgementsAsync(database, messages, tenants, windowOpens, window);

var started = Stopwatch.StartNew();
await host.StartAsync();
var backlog = 0L;
var deadline = DateTime.UtcNow + (window + Duration.FromMinutes(30)).ToTimeSpan();
while (await PendingAsync(database) is var (due, pending) && pending > 0 && DateTime.UtcNow < deadline)
{
    backlog = Math.Max(backlog, due);
    await Task.Delay(1000);
}

await host.StopAsync();
Console.WriteLine(await ReportAsync(database));
Console.WriteLine($"Largest backlog: {backlog} messages due and not yet sent; the SMTP server received {relay.Received.Count} over {relay.Connections} connections; " +
    $"{started.Elapsed.TotalSeconds:0} s in all, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}.");
return;

static async Task SubmitFirstComplaintAsync(IServiceProvider services, int t)
{
    await using var scope = services.CreateAsyncScope();
    var signedUp = await scope.ServiceProvider.GetRequiredService<SignUpHandler>().HandleAsync(
        new SignUpCommand($"Bench {t}", $"bench-{t}", $"admin@bench-{t}.example", "a-long-password", "general-enterprise"), CancellationToken.None);
    await using var intakeScope = services.CreateAsyncScope();
    intakeScope.ServiceProvider.GetRequiredService<TenantContext>().SignIn(signedUp.Tenant.Id, signedUp.User.Id, signedUp.User.Roles);
    var intake = new ComplaintIntake(
        Channel.Phone, FeedbackKind.Complaint, "product/below-spec", "酒有沉淀，颜色发暗",
        new Customer("Wang", "customer@bench.example", null, CustomerTier.Normal), "refund", 100, IntakeFacts.None);
    await intakeScope.ServiceProvider.GetRequiredService<SubmitComplaintHandler>().HandleAsync(new SubmitComplaintCommand(intake, null), CancellationToken.None);
}

// Each tenant's acknowledgement, copied to customers 0 … M-1 (round robin over the tenants), each falling due at a
// random instant of the window; the originals are dropped.
static async Task CopyAcknowledgementsAsync(string database, int messages, int tenants, Instant opens, Duration window)
{
    await using var connection = new NpgsqlConnection(database);
    await connection.OpenAsync();
    await using var copy = new NpgsqlCommand(
        """
        CREATE TEMP TABLE originals AS
        SELECT o.*, row_number() OVER (ORDER BY o.tenant_id) - 1 AS n FROM notification_outbox o WHERE o.topic = 'ACKNOWLEDGEMENT';
        INSERT INTO notification_outbox (id, tenant_id, complaint_id, channel, recipient, topic, payload, dedup_key, created_at, attempts, next_attempt_at)
        SELECT gen_random_uuid(), tenant_id, complaint_id, channel, recipient, topic,
            jsonb_set(payload, '{contact}', to_jsonb('customer-' || i || '@bench.example')), dedup_key || ':' || i, due, 0, due
        FROM (SELECT o.*, i, @opens + random() * @window AS due FROM originals o JOIN generate_series(0, @messages - 1) AS i ON i % @tenants = o.n) AS copies;
        DELETE FROM notification_outbox WHERE id IN (SELECT id FROM originals);
        """, connection);
    copy.Parameters.AddWithValue("opens", opens.ToDateTimeUtc());
    copy.Parameters.AddWithValue("window", window.ToTimeSpan());
    copy.Parameters.AddWithValue("messages", messages);
    copy.Parameters.AddWithValue("tenants", tenants);
    await copy.ExecuteNonQueryAsync();
}

static async Task<(long Due, long Pending)> PendingAsync(string database)
{
    await using var connection = new NpgsqlConnection(database);
    await connection.OpenAsync();
    await using var count = new NpgsqlCommand(
        "SELECT count(*) FILTER (WHERE next_attempt_at <= now()), count(*) FROM notification_outbox WHERE sent_at IS NULL AND failed_at IS NULL",
        connection);
    await using var reader = await count.ExecuteReaderAsync();
    await reader.ReadAsync();
    return (reader.GetInt64(0), reader.GetInt64(1));
}

static async Task<string> ReportAsync(string database)
{
    await using var connection = new NpgsqlConnection(database);
    await connection.OpenAsync();
    await using var report = new NpgsqlCommand(
        """
        SELECT format('%s sent, %s failed; %s messages/s from the first falling due to the last sent (peak %s in one second); lag due → sent p50 %s ms, p99 %s ms, max %s ms',
            count(sent_at), count(failed_at),
            round(count(sent_at) / extract(epoch FROM max(sent_at) - min(next_attempt_at))::numeric, 1),
            (SELECT max(n) FROM (SELECT count(*) AS n FROM notification_outbox WHERE sent_at IS NOT NULL GROUP BY date_trunc('second', sent_at)) AS per_second),
            round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - next_attempt_at)) * 1000),
            round(percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - next_attempt_at)) * 1000),
            round(max(extract(epoch FROM sent_at - next_attempt_at)) * 1000))
        FROM notification_outbox
        """, connection);
    return (string)(await report.ExecuteScalarAsync())!;
}
