using System.Text.Json;
using ComplaintCloud.Api.Tests.Lifecycle;
using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Infrastructure.Data.Security;
using ComplaintCloud.Tests;

namespace ComplaintCloud.Api.Tests.Complaints;

/// <summary>What the console's board asks of <c>complaints</c> (issue 12, point 2) and its approvals queue (point 6).</summary>
[Collection(ApiFixture.Collection)]
public sealed class ComplaintBoardShould(ApiFixture api)
{
    private const string Board = """
        query($filter: ComplaintFilter, $orderBy: ComplaintOrder, $first: Int, $after: String) {
          complaints(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
            totalCount pageInfo { hasNextPage endCursor }
            edges { cursor node { id number nearestClock { kind state dueAt } } }
          }
        }
        """;

    private static readonly string[] Inquiries = ["INQUIRY"];

    [Fact]
    public async Task OrderByTheNearestDeadlineWhenAsked()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        // URGENT: the customer must be contacted within 30 minutes; NORMAL: acknowledged within 1 hour, though newer.
        var urgent = await desk.SubmitAsync(Urgent());
        var normal = await desk.SubmitAsync();

        Assert.Equal([normal, urgent], Ids(await BoardAsync(desk.Admin, new { })));
        Assert.Equal([urgent, normal], Ids(await BoardAsync(desk.Admin, new { }, "NEAREST_DEADLINE")));
    }

    [Fact]
    public async Task PageOnByTheNearestDeadlineWithTheEndCursor()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var urgent = await desk.SubmitAsync(Urgent());
        var normal = await desk.SubmitAsync();

        var first = await BoardAsync(desk.Admin, new { }, "NEAREST_DEADLINE", first: 1);
        Assert.True(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        var second = await BoardAsync(desk.Admin, new { }, "NEAREST_DEADLINE", first: 1, after: first.GetProperty("pageInfo").GetProperty("endCursor").GetString());

        Assert.Equal([urgent], Ids(first));
        Assert.Equal([normal], Ids(second));
        Assert.False(second.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    [Fact]
    public async Task KeepTheNearestDeadlineOrderAndItsCursorsAsClocksStartMeetAndStop()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        // NORMAL: acknowledged within 1 hour, resolved within 3 working days; URGENT: the customer contacted within 30 minutes.
        var normal = await desk.SubmitAsync();
        var urgent = await desk.SubmitAsync(Urgent());
        Assert.Equal([urgent, normal], await PageByPageAsync(desk.Admin));

        // Regraded MAJOR, it runs the head's 5-minute report from now and its other clocks are replanned.
        await Desk.DoAsync(desk.Admin, "gradeComplaint", normal, new { gradeCode = "MAJOR", reason = "A journalist is asking." });
        Assert.Equal([normal, urgent], await PageByPageAsync(desk.Admin));

        // Acknowledging meets the report, the contact and the acknowledgement: the 3 working days to resolve are left.
        await Desk.DoAsync(desk.Admin, "acknowledgeComplaint", normal);
        Assert.Equal([urgent, normal], await PageByPageAsync(desk.Admin));

        // Withdrawn, its clocks stop: a complaint without a deadline comes last.
        await Desk.DoAsync(desk.Admin, "withdrawComplaint", urgent, new { reason = "The customer found the receipt." });
        Assert.Equal([normal, urgent], await PageByPageAsync(desk.Admin));
    }

    [Fact]
    public async Task RefuseACursorOfTheOtherOrder()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        await desk.SubmitAsync();
        await desk.SubmitAsync();
        var newest = await BoardAsync(desk.Admin, new { }, first: 1);

        var refused = await desk.Admin.SendAsync(Board, new
        {
            filter = new { }, orderBy = "NEAREST_DEADLINE", first = 1, after = newest.GetProperty("pageInfo").GetProperty("endCursor").GetString(),
        });

        Assert.Equal("BAD_USER_INPUT", refused.FirstErrorCode);
        Assert.Equal("after", refused.FirstErrorField);
    }

    [Fact]
    public async Task ShowTheNearestRunningClock()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        await desk.SubmitAsync(Urgent());

        var clock = (await BoardAsync(desk.Admin, new { })).GetProperty("edges")[0].GetProperty("node").GetProperty("nearestClock");

        Assert.Equal("CONTACT", clock.GetProperty("kind").GetString());
        Assert.Equal("RUNNING", clock.GetProperty("state").GetString());
    }

    [Fact]
    public async Task FilterTheSignedInUsersOwnAndTheUnassigned()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var taken = await desk.SubmitAsync();
        var waiting = await desk.SubmitAsync();
        await Desk.DoAsync(desk.Admin, "assignComplaint", taken);

        Assert.Equal([taken], Ids(await BoardAsync(desk.Admin, new { owner = "MINE" })));
        Assert.Equal([waiting], Ids(await BoardAsync(desk.Admin, new { owner = "UNASSIGNED" })));
        var (colleague, _) = await desk.UserAsync("AGENT");
        Assert.Empty(Ids(await BoardAsync(colleague, new { owner = "MINE" })));
    }

    [Fact]
    public async Task FilterByKind()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        await desk.SubmitAsync();
        var inquiry = Operations.CalmMalfunctionInput();
        inquiry["kind"] = "INQUIRY";
        var asked = await desk.SubmitAsync(inquiry);

        Assert.Equal([asked], Ids(await BoardAsync(desk.Admin, new { kind = Inquiries })));
    }

    [Fact]
    public async Task SearchTheWordsTheCustomerAndTheNumberCaseAside()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var kettle = await desk.SubmitAsync();
        var other = Operations.CalmMalfunctionInput("The fridge is loud. 冰箱噪音大。");
        other["customer"] = new { name = "Han Meimei" };
        var fridge = await desk.SubmitAsync(other);
        var number = (await BoardAsync(desk.Admin, new { search = "FRIDGE" })).GetProperty("edges")[0].GetProperty("node").GetProperty("number").GetString()!;

        Assert.Equal([kettle], Ids(await BoardAsync(desk.Admin, new { search = "水壶" })));
        Assert.Equal([fridge], Ids(await BoardAsync(desk.Admin, new { search = "meimei" })));
        Assert.Equal([fridge], Ids(await BoardAsync(desk.Admin, new { search = number })));
    }

    [Fact]
    public async Task SearchAPercentSignAsWritten()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        await desk.SubmitAsync();

        Assert.Empty(Ids(await BoardAsync(desk.Admin, new { search = "%" })));
    }

    [Fact]
    public async Task QueueAPlanForTheRoleThatMustApproveItUntilItDoes()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var id = await desk.SubmitAsync();
        await Desk.ToPlanProposedAsync(desk.Admin, id);
        // A NORMAL plan is approved by a customer-service supervisor (SPEC §3a).
        var (supervisor, _) = await desk.UserAsync("CS_SUPERVISOR");
        var (agent, _) = await desk.UserAsync("AGENT");

        Assert.Equal([id], await QueueAsync(supervisor));
        Assert.Empty(await QueueAsync(agent));
        await Desk.DoAsync(supervisor, "approvePlan", id);
        Assert.Empty(await QueueAsync(supervisor));
    }

    [Fact]
    public async Task QueueAPlanAboveTheDecidersAuthorityForTheRoleAboveOnly()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var id = await desk.SubmitAsync();
        // Above the supervisor's 1,000 yuan: the after-sales manager, next up the chain, must approve instead (seed 004).
        await Desk.ToPlanProposedAsync(desk.Admin, id, compensation: 1500);
        var (supervisor, _) = await desk.UserAsync("CS_SUPERVISOR");
        var (manager, _) = await desk.UserAsync("AFTER_SALES_MANAGER");

        Assert.Empty(await QueueAsync(supervisor));
        Assert.Equal([id], await QueueAsync(manager));
    }

    [Fact]
    public async Task CountTheMatchesOnlyWhenTheQueryAsksForTheTotal()
    {
        using var telemetry = new TelemetryCapture();
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        await desk.SubmitAsync();
        await desk.SubmitAsync();

        var counted = await desk.Admin.SendAsync("query BoardWithTotal { complaints(first: 1) { totalCount nodes { id } } }");
        var uncounted = await desk.Admin.SendAsync("query BoardWithoutTotal { complaints(first: 1) { nodes { id } } }");

        Assert.Equal(2, counted.Data.GetProperty("complaints").GetProperty("totalCount").GetInt32());
        uncounted.AssertNoErrors();
        Assert.Contains(SqlBeneath(telemetry, "query BoardWithTotal"), IsCount);
        Assert.DoesNotContain(SqlBeneath(telemetry, "query BoardWithoutTotal"), IsCount);
    }

    // Issue 17, point 3: no N+1. Each field beyond the complaint's row (owner, handlers, grade, contact, clocks) costs the
    // page the same statements, whether it holds 2 complaints or 6.
    [Fact]
    public async Task ReadAPageInTheSameStatementsWhateverItsSize()
    {
        using var telemetry = new TelemetryCapture();
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (agent, _) = await desk.UserAsync("AGENT");
        for (var i = 0; i < 6; i++)
        {
            await Desk.DoAsync(agent, "assignComplaint", await desk.SubmitAsync());
        }

        const string page = """
            query PageOf($first: Int) { complaints(first: $first) { edges { node {
              id owner { id } handlers { id } grade { code name } customer { contact }
              clocks { remainingSeconds } nearestClock { remainingSeconds } } } } }
            """;
        (await agent.SendAsync(page.Replace("PageOf", "PageOfTwo", StringComparison.Ordinal), new { first = 2 })).AssertNoErrors();
        (await agent.SendAsync(page.Replace("PageOf", "PageOfSix", StringComparison.Ordinal), new { first = 6 })).AssertNoErrors();

        var two = SqlBeneath(telemetry, "query PageOfTwo");
        var six = SqlBeneath(telemetry, "query PageOfSix");
        Assert.True(two.Count == six.Count, $"2 complaints: {two.Count} statements; 6 complaints: {six.Count}:\n{string.Join("\n", six)}");
    }

    private static bool IsCount(string sql) => sql.Contains("count(*)", StringComparison.OrdinalIgnoreCase);

    // Naming the connection's tenant is left out (a statement of its own, or one without text in the span): whether
    // the operation or the signed-in check before it (answered from memory for 2 s) does it is a matter of timing.
    private static List<string> SqlBeneath(TelemetryCapture telemetry, string operationName)
    {
        var operation = Assert.Single(telemetry.Spans, span => span.DisplayName == operationName);
        return [.. telemetry.Spans
            .Where(span => span.Source.Name == "Npgsql" && span.ParentSpanId == operation.SpanId)
            .Select(span => span.GetTagItem("db.query.text") as string ?? span.GetTagItem("db.statement") as string ?? "")
            .Where(sql => sql.Length > 0 && (!sql.StartsWith($"SELECT set_config('{RowLevelSecurity.TenantSetting}'", StringComparison.Ordinal) || sql.Contains(';', StringComparison.Ordinal)))];
    }

    private static Dictionary<string, object?> Urgent()
    {
        var input = Operations.CalmMalfunctionInput();
        input["facts"] = new { affectedCustomers = 3 };
        return input;
    }

    private static async Task<JsonElement> BoardAsync(GraphQLClient client, object filter, string? orderBy = null, int? first = null, string? after = null)
    {
        var result = await client.SendAsync(Board, new { filter, orderBy, first, after });
        result.AssertNoErrors();
        return result.Data.GetProperty("complaints");
    }

    // The nearest-deadline order one complaint a page, each page after the last one's end cursor.
    private static async Task<List<string>> PageByPageAsync(GraphQLClient client)
    {
        var ids = new List<string>();
        string? after = null;
        do
        {
            var page = await BoardAsync(client, new { }, "NEAREST_DEADLINE", first: 1, after: after);
            ids.AddRange(Ids(page));
            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);

        Assert.Equal(ids, Ids(await BoardAsync(client, new { }, "NEAREST_DEADLINE")));
        return ids;
    }

    private static List<string> Ids(JsonElement connection) =>
        [.. connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()!)];

    private static async Task<List<string>> QueueAsync(GraphQLClient client)
    {
        var result = await client.SendAsync("{ approvalQueue { id } }");
        result.AssertNoErrors();
        return [.. result.Data.GetProperty("approvalQueue").EnumerateArray().Select(c => c.GetProperty("id").GetString()!)];
    }
}
