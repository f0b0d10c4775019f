using System.Text.Json;
using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ComplaintCloud.Api.Tests.Reports;

/// <summary>
/// October 2026 of a general-enterprise tenant (Asia/Shanghai), written straight into the tables so that every figure
/// of its report is known: five complaints in the month, one just after it, three in September for the trends.
/// </summary>
public sealed class KnownMonth
{
    private const string NoAttributes = "{}";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static KnownMonth? _loaded;

    private KnownMonth(SignedInTenant tenant) => Tenant = tenant;

    public SignedInTenant Tenant { get; }
    public Dictionary<string, Guid> Ids { get; } = [];

    /// <summary>Loads the month once per test run; the tests only read it.</summary>
    public static async Task<KnownMonth> LoadAsync(ApiFixture api)
    {
        await Gate.WaitAsync();
        try
        {
            return _loaded ??= await SeedAsync(api);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<KnownMonth> SeedAsync(ApiFixture api)
    {
        var month = new KnownMonth(await api.SignUpAsync("general-enterprise"));
        await using var scope = api.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(Guid.Parse(month.Tenant.TenantId));
        var db = scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>();
        Guid u1 = Guid.NewGuid(), u2 = Guid.NewGuid();

        // Local (Shanghai) receipt times; C1 is 30 Sep in UTC, C6 is 31 Oct in UTC.
        await month.AddAsync(db, new("C1", "Closed", "Complaint", "Phone", "产品/质量问题", "MAJOR", 3, At(10, 1, 0, 30), ResolvedAfterHours: 10,
            Handlers: [u1], Callback: (5, 5, 4, 5, 5), RootCause: ["酒有沉淀", "储存温度过高"]));
        await month.AddAsync(db, new("C2", "CallbackDone", "Complaint", "OnlineChat", "产品/质量问题", "URGENT", 2, At(10, 5, 10, 0), ResolvedAfterHours: 20,
            Handlers: [u1, u2], Callback: (3, 4, 2, 3, 2), RootCause: ["包装破损", "储存温度过高"]));
        await month.AddAsync(db, new("C3", "Resolved", "Complaint", "Phone", "物流/配送延迟", "NORMAL", 1, At(10, 10, 9, 0), ResolvedAfterHours: 30,
            Handlers: [u2], ReopenCount: 1, RootCause: ["司机绕路"]));
        await month.AddAsync(db, new("C4", "Investigating", "Inquiry", "Email", "服务/态度", "NORMAL", 1, At(10, 20, 12, 0), DuplicateOf: "C3"));
        await month.AddAsync(db, new("C5", "Resolved", "Suggestion", "App", "产品/质量问题", "NORMAL", 1, At(10, 31, 23, 0), ResolvedAfterHours: 40,
            Handlers: [u1], Callback: (4, 4, 4, 4, 4)));
        await month.AddAsync(db, new("C6", "Received", "Complaint", "Phone", "物流/配送延迟", "NORMAL", 1, At(11, 1, 0, 30)));
        await month.AddAsync(db, new("S1", "Closed", "Complaint", "Phone", "物流/配送延迟", "NORMAL", 1, At(9, 15, 9, 0)));
        await month.AddAsync(db, new("S2", "Closed", "Complaint", "Phone", "物流/配送延迟", "NORMAL", 1, At(9, 16, 9, 0)));
        await month.AddAsync(db, new("S3", "Closed", "Complaint", "Phone", "产品/质量问题", "NORMAL", 1, At(9, 20, 9, 0), RootCause: ["储存温度过高"]));

        await month.ClockAsync(db, "C1", "ACKNOWLEDGE", "Met");
        await month.ClockAsync(db, "C1", "RESOLVE", "Met");
        await month.ClockAsync(db, "C2", "ACKNOWLEDGE", "Met");
        await month.ClockAsync(db, "C2", "RESOLVE", "Breached");
        await month.ClockAsync(db, "C3", "RESOLVE", "Met");
        await month.ClockAsync(db, "C4", "RESOLVE", "Running");
        await month.ClockAsync(db, "C6", "RESOLVE", "Breached");

        await month.TaskAsync(db, "C1", "质检部");
        await month.TaskAsync(db, "C2", "质检部");
        await month.TaskAsync(db, "C2", "物流部");
        return month;
    }

    /// <summary>A local time of 2026 in Shanghai, the zone of every report test.</summary>
    public static Instant At(int month, int day, int hour, int minute) =>
        new LocalDateTime(2026, month, day, hour, minute).InZoneStrictly(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).ToInstant();

    private async Task AddAsync(ComplaintCloudDbContext db, Seed seed)
    {
        var id = Guid.CreateVersion7();
        Ids[seed.Name] = id;
        var tenantId = Guid.Parse(Tenant.TenantId);
        var number = $"20261001-TEL-{seed.Name}";
        var description = $"客户反映：{seed.Category}（{seed.Name}）";
        Instant? resolvedAt = seed.ResolvedAfterHours is { } hours ? seed.ReceivedAt.Plus(Duration.FromHours(hours)) : null;
        Guid? duplicateOf = seed.DuplicateOf is null ? null : Ids[seed.DuplicateOf];
        var callback = seed.Callback is var (overall, attitude, speed, professionalism, outcome)
            ? JsonSerializer.Serialize(new { satisfaction = new { overall, attitude, speed, professionalism, outcome }, byId = Guid.NewGuid(), at = "2026-11-01T00:00:00Z" })
            : null;
        var handlers = (seed.Handlers ?? []).ToArray();
        var rootCause = (seed.RootCause ?? []).ToArray();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO complaints (id, tenant_id, number, status, kind, channel, category, description, customer_name, customer_tier,
              safety_risk, legal_risk, publicity_risk, affected_customers, customer_emotion, attributes, grade_code, grade_rank,
              policy_id, policy_version, received_at, resolved_at, reopen_count, handler_ids, duplicate_of_id, last_callback, root_cause)
            VALUES ({id}, {tenantId}, {number}, {seed.Status}, {seed.Kind}, {seed.Channel}, {seed.Category}, {description}, '王先生', 'Normal',
              false, false, false, 1, 'Calm', {NoAttributes}::jsonb, {seed.Grade}, {seed.Rank},
              'general-enterprise', '1.0.0', {seed.ReceivedAt}, {resolvedAt}, {seed.ReopenCount}, {handlers}, {duplicateOf}, {callback}::jsonb, {rootCause})
            """);
    }

    private async Task ClockAsync(ComplaintCloudDbContext db, string complaint, string kind, string state)
    {
        var tenantId = Guid.Parse(Tenant.TenantId);
        var now = SystemClock.Instance.GetCurrentInstant();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO sla_clocks (id, tenant_id, complaint_id, kind, started_at, warn_at, due_at, pauses_while_waiting_on_customer, state)
            VALUES ({Guid.NewGuid()}, {tenantId}, {Ids[complaint]}, {kind}, {now}, {now}, {now}, false, {state})
            """);
    }

    private async Task TaskAsync(ComplaintCloudDbContext db, string complaint, string department)
    {
        var tenantId = Guid.Parse(Tenant.TenantId);
        var now = SystemClock.Instance.GetCurrentInstant();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO complaint_tasks (id, tenant_id, complaint_id, plan_revision, title, department, due_at, progress, done)
            VALUES ({Guid.NewGuid()}, {tenantId}, {Ids[complaint]}, 0, '查明原因并整改', {department}, {now}, 0, false)
            """);
    }

    private sealed record Seed(
        string Name,
        string Status,
        string Kind,
        string Channel,
        string Category,
        string Grade,
        int Rank,
        Instant ReceivedAt,
        int? ResolvedAfterHours = null,
        Guid[]? Handlers = null,
        int ReopenCount = 0,
        (int, int, int, int, int)? Callback = null,
        string[]? RootCause = null,
        string? DuplicateOf = null);
}
