using System.Text.Json;
using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ComplaintCloud.Api.Tests.Reports;

/// <summary>
/// The points ledger of October 2026 (Asia/Shanghai): penalty rows written straight into the table, two complaints,
/// five rows booked in the month and two just outside it. The winery's default rate is 10 yuan a point.
/// </summary>
[Collection(ApiFixture.Collection)]
public sealed class PointsLedgerShould(ApiFixture api)
{
    private const string Ledger = """
        query($period: ReportPeriodInput!) { report(period: $period) { pointsLedger {
          yuanPerPoint
          byTarget { target entries points money }
          entries { complaintId complaintNumber target points money rule occasion decidedByDepartment upToDismissal at }
        } } }
        """;

    [Fact]
    public async Task Total_points_and_yuan_per_target_at_the_tenants_rate()
    {
        var ledger = await LedgerAsync(await SeedAsync("winery"), "2026-10");

        Assert.Equal(10m, ledger.GetProperty("yuanPerPoint").GetDecimal());
        Assert.Equal(
            ["DEPARTMENT 2 20 200", "DEPARTMENT_HEAD 1 10 100", "UNIT_LEADER 0 0 0", "RESPONSIBLE_PERSON 2 55 550"],
            ledger.GetProperty("byTarget").EnumerateArray().Select(t =>
                $"{t.GetProperty("target").GetString()} {t.GetProperty("entries").GetInt32()} {t.GetProperty("points").GetInt32()} {t.GetProperty("money").GetDecimal()}"));
    }

    [Fact]
    public async Task List_each_entry_with_its_complaint_rule_and_flags_oldest_first()
    {
        var seeded = await SeedAsync("winery");

        var entries = (await LedgerAsync(seeded, "2026-10")).GetProperty("entries").EnumerateArray().Select(e =>
            $"{Name(seeded, e)} {e.GetProperty("target").GetString()} {e.GetProperty("points").GetInt32()} {e.GetProperty("money").GetDecimal()} " +
            $"{e.GetProperty("rule").GetString()} {e.GetProperty("occasion").GetString()} {e.GetProperty("decidedByDepartment").GetBoolean()} " +
            $"{e.GetProperty("upToDismissal").GetBoolean()} {e.GetProperty("at").GetDateTime().ToUniversalTime():O}");

        Assert.Equal(
            [
                "A DEPARTMENT 10 100 serious: department COMPLAINT_CONFIRMED False False 2026-09-30T16:30:00.0000000Z",
                "A DEPARTMENT_HEAD 10 100 serious: head COMPLAINT_CONFIRMED False False 2026-09-30T16:30:00.0000000Z",
                "A RESPONSIBLE_PERSON 50 500 serious: person COMPLAINT_CONFIRMED False True 2026-09-30T16:30:00.0000000Z",
                "B DEPARTMENT 10 100 deadline missed DEADLINE_MISSED False False 2026-10-15T04:00:00.0000000Z",
                "B RESPONSIBLE_PERSON 5 50 minor: person COMPLAINT_CONFIRMED True False 2026-10-15T04:00:00.0000000Z",
            ],
            entries);
    }

    [Fact]
    public async Task Count_only_the_penalties_booked_in_the_period()
    {
        var seeded = await SeedAsync("winery");

        var entries = (await LedgerAsync(seeded, "2026-11")).GetProperty("entries").EnumerateArray().ToList();

        // Booked at 00:30 on 1 November in Shanghai, which is still 31 October in UTC.
        var entry = Assert.Single(entries);
        Assert.Equal("B CALLBACK_UNSATISFIED 10", $"{Name(seeded, entry)} {entry.GetProperty("occasion").GetString()} {entry.GetProperty("points").GetInt32()}");
    }

    [Fact]
    public async Task Leave_money_null_when_the_policy_has_no_rate()
    {
        var ledger = await LedgerAsync(await SeedAsync("general-enterprise"), "2026-10");

        Assert.Equal(JsonValueKind.Null, ledger.GetProperty("yuanPerPoint").ValueKind);
        Assert.All(ledger.GetProperty("byTarget").EnumerateArray(), t => Assert.Equal(JsonValueKind.Null, t.GetProperty("money").ValueKind));
        Assert.All(ledger.GetProperty("entries").EnumerateArray(), e => Assert.Equal(JsonValueKind.Null, e.GetProperty("money").ValueKind));
    }

    private static string Name(Seeded seeded, JsonElement entry)
    {
        var id = Guid.Parse(entry.GetProperty("complaintId").GetString()!);
        var number = seeded.Numbers[id];
        Assert.Equal(number, entry.GetProperty("complaintNumber").GetString());
        return seeded.Names[id];
    }

    private static async Task<JsonElement> LedgerAsync(Seeded seeded, string month)
    {
        var result = await seeded.Tenant.Client.SendAsync(Ledger, new { period = new { month } });
        result.AssertNoErrors();
        return result.Data.GetProperty("report").GetProperty("pointsLedger");
    }

    private async Task<Seeded> SeedAsync(string policyId)
    {
        var seeded = new Seeded(await api.SignUpAsync(policyId), [], []);
        var a = await seeded.SubmitAsync("A");
        var b = await seeded.SubmitAsync("B");

        await using var scope = api.Services.CreateAsyncScope();
        var tenantId = Guid.Parse(seeded.Tenant.TenantId);
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>();

        async Task BookAsync(Guid complaint, string target, int points, string rule, string occasion, Instant at, bool decidedByDepartment = false, bool upToDismissal = false) =>
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO penalty_entries (tenant_id, complaint_id, target, points, rule, occasion, occasion_key, decided_by_department, up_to_dismissal, at)
                VALUES ({tenantId}, {complaint}, {target}, {points}, {rule}, {occasion}, {$"{occasion}:{complaint}"}, {decidedByDepartment}, {upToDismissal}, {at})
                """);

        // Just outside October on either side.
        await BookAsync(a, "UnitLeader", 20, "before", "ComplaintConfirmed", KnownMonth.At(9, 30, 23, 0));
        await BookAsync(b, "Department", 10, "after", "CallbackUnsatisfied", KnownMonth.At(11, 1, 0, 30));
        // Half past midnight on 1 October in Shanghai is still 30 September in UTC.
        await BookAsync(a, "Department", 10, "serious: department", "ComplaintConfirmed", KnownMonth.At(10, 1, 0, 30));
        await BookAsync(a, "DepartmentHead", 10, "serious: head", "ComplaintConfirmed", KnownMonth.At(10, 1, 0, 30));
        await BookAsync(a, "ResponsiblePerson", 50, "serious: person", "ComplaintConfirmed", KnownMonth.At(10, 1, 0, 30), upToDismissal: true);
        await BookAsync(b, "Department", 10, "deadline missed", "DeadlineMissed", KnownMonth.At(10, 15, 12, 0));
        await BookAsync(b, "ResponsiblePerson", 5, "minor: person", "ComplaintConfirmed", KnownMonth.At(10, 15, 12, 0), decidedByDepartment: true);
        return seeded;
    }

    private sealed record Seeded(SignedInTenant Tenant, Dictionary<Guid, string> Names, Dictionary<Guid, string> Numbers)
    {
        public async Task<Guid> SubmitAsync(string name)
        {
            var result = await Tenant.Client.SendAsync(Operations.Submit, Operations.CalmMalfunction());
            result.AssertNoErrors();
            var complaint = result.Data.GetProperty("submitComplaint");
            var id = Guid.Parse(complaint.GetProperty("id").GetString()!);
            Names[id] = name;
            Numbers[id] = complaint.GetProperty("number").GetString()!;
            return id;
        }
    }
}
