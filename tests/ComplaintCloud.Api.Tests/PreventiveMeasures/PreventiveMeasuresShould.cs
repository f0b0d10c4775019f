using System.Net;
using System.Text.Json;
using ComplaintCloud.Api.Tests.Support;
using Npgsql;

namespace ComplaintCloud.Api.Tests.PreventiveMeasures;

/// <summary>
/// Issue 8 over HTTP: a measure against one of October's recurring problems, recorded on 3 November, signed off by the
/// policy's leadership (general enterprise: VP, LEGAL or PR, who approve MAJOR plans), followed up, and judged by the
/// reports of the periods that start after its sign-off.
/// </summary>
[Collection(ApiFixture.Collection)]
public sealed class PreventiveMeasuresShould(ApiFixture api)
{
    private const string BelowSpec = "product/below-spec";
    private const string Delay = "logistics/delay";

    private const string Outcomes = """
        query($p: ReportPeriodInput!) { report(period: $p) {
          topCategories { key count }
          preventiveMeasures { measureId problemKind problemKey measure status dueOn count previousCount recurred } } }
        """;

    [Fact]
    public async Task RecordAMeasureAgainstATopProblemOfTheMonthAsProposed()
    {
        await using var desk = await OctoberAsync();
        var (_, ownerId) = await desk.UserAsync("AGENT");
        var top = (await ReportAsync(desk, new { month = "2026-10" })).GetProperty("topCategories")[0].GetProperty("key").GetString()!;

        var measure = await desk.RecordAsync(top, ownerId);

        Assert.Equal(
            $"CATEGORY {BelowSpec} 2026-10-01 2026-10-31 {ownerId} 2026-11-30 PROPOSED",
            $"{S(measure, "problemKind")} {S(measure, "problemKey")} {S(measure, "raisedFrom")} {S(measure, "raisedTo")} {S(measure, "ownerId")} {S(measure, "dueOn")} {S(measure, "status")}");
        Assert.Equal(["RECORDED"], Types(measure));
    }

    [Fact]
    public async Task LetOnlyTheLeadershipRoleSignOff()
    {
        await using var desk = await OctoberAsync();
        var (_, ownerId) = await desk.UserAsync("AGENT");
        var id = S(await desk.RecordAsync(BelowSpec, ownerId), "id");
        var (supervisor, _) = await desk.UserAsync("CS_SUPERVISOR");
        var (manager, _) = await desk.UserAsync("AFTER_SALES_MANAGER");
        var (vp, vpId) = await desk.UserAsync("VP");

        // A tenant admin runs the desk but is no leader unless also given the role.
        foreach (var refused in new[] { desk.Admin, supervisor, manager })
        {
            Assert.Equal("FORBIDDEN", (await MeasureDesk.TrySignOffAsync(refused, id)).FirstErrorCode);
        }

        var signed = await MeasureDesk.TrySignOffAsync(vp, id);

        signed.AssertNoErrors();
        var measure = signed.Data.GetProperty("signOffPreventiveMeasure");
        Assert.Equal($"SIGNED_OFF {vpId} VP", $"{S(measure, "status")} {S(measure, "signedOffById")} {S(measure, "signedOffAs")}");
        Assert.Equal(["RECORDED", "SIGNED_OFF"], Types(measure));
        Assert.Equal("INVALID_TRANSITION", (await MeasureDesk.TrySignOffAsync(vp, id)).FirstErrorCode);
    }

    [Fact]
    public async Task BeFollowedUpByItsOwnerUntilDone()
    {
        await using var desk = await OctoberAsync();
        var (owner, ownerId) = await desk.UserAsync("AGENT");
        var (stranger, _) = await desk.UserAsync("AGENT");
        var (vp, _) = await desk.UserAsync("VP");
        var id = S(await desk.RecordAsync(BelowSpec, ownerId), "id");
        Assert.Equal("INVALID_TRANSITION", (await MeasureDesk.TryFollowUpAsync(owner, id, "Too early.")).FirstErrorCode);
        (await MeasureDesk.TrySignOffAsync(vp, id)).AssertNoErrors();

        Assert.Equal("FORBIDDEN", (await MeasureDesk.TryFollowUpAsync(stranger, id, "Not mine.")).FirstErrorCode);
        (await MeasureDesk.TryFollowUpAsync(owner, id, "Batch tests started.")).AssertNoErrors();
        var done = await MeasureDesk.TryFollowUpAsync(owner, id, "Every batch is tested.", done: true);

        done.AssertNoErrors();
        var measure = done.Data.GetProperty("followUpPreventiveMeasure");
        Assert.Equal("DONE", S(measure, "status"));
        Assert.Equal(
            ["Batch tests started. IN_PROGRESS", "Every batch is tested. DONE"],
            measure.GetProperty("followUps").EnumerateArray().Select(f => $"{S(f, "note")} {S(f, "status")}"));
        Assert.Equal(["RECORDED", "SIGNED_OFF", "FOLLOWED_UP", "DONE"], Types(measure));
        Assert.Equal("INVALID_TRANSITION", (await MeasureDesk.TryFollowUpAsync(owner, id, "Once more.")).FirstErrorCode);
        Assert.Equal([id], await ListAsync(desk, "DONE"));
        Assert.Empty(await ListAsync(desk, "IN_PROGRESS"));
    }

    [Fact]
    public async Task ShowInTheNextMonthsReportWhetherTheProblemRecurred()
    {
        await using var desk = await OctoberAsync();
        await SignedOffOnTheThirdOfNovemberAsync(desk, BelowSpec, Delay);
        await desk.SubmitAsync(BelowSpec, 3);
        await desk.SubmitAsync(Delay);
        desk.Today(2026, 12, 8);
        await desk.SubmitAsync(BelowSpec);

        var december = await ReportAsync(desk, new { month = "2026-12" });
        var november = await ReportAsync(desk, new { month = "2026-11" });

        Assert.Equal(
            [$"CATEGORY {BelowSpec} SIGNED_OFF 2026-11-30 1 3 True", $"CATEGORY {Delay} SIGNED_OFF 2026-11-30 0 1 False"],
            Outcome(december));
        // Signed off on 3 November: November did not run wholly with the measures in force.
        Assert.Empty(Outcome(november));
    }

    [Fact]
    public async Task JudgeARootCauseByTheDeepestWhy()
    {
        await using var desk = await OctoberAsync();
        desk.Today(2026, 10, 21);
        await desk.SubmitInvestigatedAsync("The seal leaked", "The test rig was down");
        desk.Today(2026, 11, 3);
        var (_, ownerId) = await desk.UserAsync("AGENT");
        var (vp, _) = await desk.UserAsync("VP");
        var input = MeasureDesk.Input("The test rig was down", ownerId);
        input["problemKind"] = "ROOT_CAUSE";
        var recorded = await MeasureDesk.TryRecordAsync(desk.Admin, input);
        recorded.AssertNoErrors();
        (await MeasureDesk.TrySignOffAsync(vp, S(recorded.Data.GetProperty("recordPreventiveMeasure"), "id"))).AssertNoErrors();
        desk.Today(2026, 12, 2);
        await desk.SubmitInvestigatedAsync("The test rig was down", "Its spare parts ran out");
        await desk.SubmitInvestigatedAsync("The rig's operator was ill", "The test rig was down");

        Assert.Equal(
            ["ROOT_CAUSE The test rig was down SIGNED_OFF 2026-11-30 1 0 True"],
            Outcome(await ReportAsync(desk, new { month = "2026-12" })));
    }

    [Fact]
    public async Task ShowADoneMeasureInOneMoreReportOnly()
    {
        await using var desk = await OctoberAsync();
        var (id, owner) = await SignedOffOnTheThirdOfNovemberAsync(desk, Delay);
        desk.Today(2026, 12, 5);
        (await MeasureDesk.TryFollowUpAsync(owner, id[0], "Routes fixed.", done: true)).AssertNoErrors();

        Assert.Equal([$"CATEGORY {Delay} DONE 2026-11-30 0 0 False"], Outcome(await ReportAsync(desk, new { month = "2027-01" })));
        Assert.Empty(Outcome(await ReportAsync(desk, new { month = "2027-02" })));
    }

    [Fact]
    public async Task ExportTheOutcomesInTheReportCsv()
    {
        await using var desk = await OctoberAsync();
        await SignedOffOnTheThirdOfNovemberAsync(desk, BelowSpec);
        await desk.SubmitAsync(BelowSpec, 2);

        var response = await desk.Admin.Http.GetAsync(new Uri("/reports/report.csv?from=2026-11-01&to=2026-12-31", UriKind.Relative));
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(lines, l => l.StartsWith("preventive_measure,", StringComparison.Ordinal));
        var december = await desk.Admin.Http.GetAsync(new Uri("/reports/report.csv?month=2026-12", UriKind.Relative));
        Assert.Contains($"preventive_measure,{BelowSpec},CATEGORY,0,,2,not recurred", (await december.Content.ReadAsStringAsync()).Split("\r\n"));
    }

    [Theory]
    [InlineData("problemKey", "input.problemKey")]
    [InlineData("rootCause", "input.problemKey")]
    [InlineData("period", "input.period.month")]
    [InlineData("ownerId", "input.ownerId")]
    [InlineData("strangerOwner", "input.ownerId")]
    [InlineData("dueOn", "input.dueOn")]
    [InlineData("measure", "input.measure")]
    public async Task RefuseBadInputNamingTheFieldAndChangeNothing(string fault, string field)
    {
        await using var desk = await OctoberAsync();
        var (_, ownerId) = await desk.UserAsync("AGENT");
        var input = MeasureDesk.Input(BelowSpec, ownerId);
        switch (fault)
        {
            case "problemKey": input["problemKey"] = "service/attitude"; break;
            case "rootCause": input["problemKind"] = "ROOT_CAUSE"; break;
            case "period": input["period"] = new { month = "2026-13" }; break;
            case "ownerId": input["ownerId"] = "not-an-id"; break;
            case "strangerOwner": input["ownerId"] = Guid.NewGuid().ToString(); break;
            case "dueOn": input["dueOn"] = "2026-11-02"; break;
            default: input["measure"] = " "; break;
        }

        var refused = await MeasureDesk.TryRecordAsync(desk.Admin, input);

        Assert.Equal(("BAD_USER_INPUT", field), (refused.FirstErrorCode, refused.FirstErrorField));
        Assert.Empty(await ListAsync(desk));
    }

    [Fact]
    public async Task RefuseAViewerAndAnswerNotFoundForAnUnknownMeasure()
    {
        await using var desk = await OctoberAsync();
        var (viewer, ownerId) = await desk.UserAsync("VIEWER");

        Assert.Equal("FORBIDDEN", (await MeasureDesk.TryRecordAsync(viewer, MeasureDesk.Input(BelowSpec, ownerId))).FirstErrorCode);
        Assert.Equal("NOT_FOUND", (await MeasureDesk.TrySignOffAsync(desk.Admin, Guid.NewGuid().ToString())).FirstErrorCode);
        Assert.Equal("NOT_FOUND", (await MeasureDesk.TryFollowUpAsync(desk.Admin, "not-an-id", "Anything.")).FirstErrorCode);
        Assert.Empty(await ListAsync(desk));
    }

    [Theory]
    [InlineData("UPDATE preventive_measure_events SET type = 'FORGED' WHERE measure_id = @id")]
    [InlineData("DELETE FROM preventive_measure_events WHERE measure_id = @id")]
    public async Task KeepTheAuditTrailAppendOnlyEvenForTheSchemaOwner(string sql)
    {
        await using var desk = await OctoberAsync();
        var (_, ownerId) = await desk.UserAsync("AGENT");
        var measure = await desk.RecordAsync(BelowSpec, ownerId);
        await using var owner = new NpgsqlConnection(api.MigrationsConnectionString);
        await owner.OpenAsync();
        // The owner too is bound by row-level security, so it names the tenant to reach the rows at all.
        await using (var tenant = new NpgsqlCommand("SELECT set_config('app.tenant_id', @tenant, false)", owner))
        {
            tenant.Parameters.AddWithValue("tenant", desk.TenantId);
            await tenant.ExecuteScalarAsync();
        }

        await using var forge = new NpgsqlCommand(sql, owner);
        forge.Parameters.AddWithValue("id", Guid.Parse(S(measure, "id")));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await Assert.ThrowsAsync<PostgresException>(() => forge.ExecuteNonQueryAsync())).SqlState);
        Assert.Equal(["RECORDED"], Types((await MeasuresAsync(desk, null, "history { type }")).Single()));
    }

    // October 2026: two quality complaints and one delivery delay; then the clock stands on 3 November.
    private async Task<MeasureDesk> OctoberAsync()
    {
        var desk = await MeasureDesk.OpenAsync(api);
        desk.Today(2026, 10, 12);
        await desk.SubmitAsync(BelowSpec, 2);
        desk.Today(2026, 10, 20);
        await desk.SubmitAsync(Delay);
        desk.Today(2026, 11, 3);
        return desk;
    }

    // Measures against October categories, owned by an agent and signed off by a VP on 3 November.
    private static async Task<(List<string> Ids, Support.GraphQLClient Owner)> SignedOffOnTheThirdOfNovemberAsync(MeasureDesk desk, params string[] categories)
    {
        var (owner, ownerId) = await desk.UserAsync("AGENT");
        var (vp, _) = await desk.UserAsync("VP");
        var ids = new List<string>();
        foreach (var category in categories)
        {
            var id = S(await desk.RecordAsync(category, ownerId), "id");
            (await MeasureDesk.TrySignOffAsync(vp, id)).AssertNoErrors();
            ids.Add(id);
        }

        return (ids, owner);
    }

    private static async Task<JsonElement> ReportAsync(MeasureDesk desk, object period)
    {
        var result = await desk.Admin.SendAsync(Outcomes, new { p = period });
        result.AssertNoErrors();
        return result.Data.GetProperty("report");
    }

    private static async Task<List<string>> ListAsync(MeasureDesk desk, string? status = null) =>
        [.. (await MeasuresAsync(desk, status, "id")).Select(m => S(m, "id"))];

    private static async Task<List<JsonElement>> MeasuresAsync(MeasureDesk desk, string? status, string fields)
    {
        var result = await desk.Admin.SendAsync($"query($s: MeasureStatus) {{ preventiveMeasures(status: $s) {{ {fields} }} }}", new { s = status });
        result.AssertNoErrors();
        return [.. result.Data.GetProperty("preventiveMeasures").EnumerateArray()];
    }

    private static IEnumerable<string> Outcome(JsonElement report) =>
        report.GetProperty("preventiveMeasures").EnumerateArray().Select(o =>
            $"{S(o, "problemKind")} {S(o, "problemKey")} {S(o, "status")} {S(o, "dueOn")} {o.GetProperty("count").GetInt32()} {o.GetProperty("previousCount").GetInt32()} {o.GetProperty("recurred").GetBoolean()}");

    private static IEnumerable<string> Types(JsonElement measure) => measure.GetProperty("history").EnumerateArray().Select(e => S(e, "type"));

    private static string S(JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
