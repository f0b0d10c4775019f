using System.Text.Json;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Lifecycle;

/// <summary>
/// The penalties the lifecycle books (SPEC §3b, 1 point = 10 yuan): the per-complaint deductions once a complaint is
/// decided as the company's, once per complaint, and −10 against the department for each unhappy callback.
/// </summary>
[Collection(ApiFixture.Collection)]
public sealed class LifecyclePenaltiesShould(ApiFixture api)
{
    private const string Ledger = """
        query($period: ReportPeriodInput!) { report(period: $period) { pointsLedger {
          byTarget { target entries points money }
          entries { complaintId target points money occasion decidedByDepartment upToDismissal department personId }
        } } }
        """;

    private static readonly string[] CorkWhy = ["The cork let air in"];
    private static readonly object Unhappy = new { overall = 2, attitude = 3, speed = 2, professionalism = 3, outcome = 1 };

    [Fact]
    public async Task Book_a_serious_complaint_decided_as_the_companys_against_department_head_and_responsible_person()
    {
        var (desk, agent, agentId, id) = await InvestigatedSeriousComplaintAsync();

        var decided = await Desk.DoAsync(agent, "decideResponsibility", id, new { responsibility = "COMPANY", reason = "A bad batch." });

        Assert.Equal(
            [
                "ComplaintConfirmed Department 10 False",
                "ComplaintConfirmed DepartmentHead 10 False",
                "ComplaintConfirmed ResponsiblePerson 50 True",
            ],
            Booked(decided).Select(e =>
                $"{e.GetProperty("occasion").GetString()} {e.GetProperty("target").GetString()} {e.GetProperty("points").GetInt32()} " +
                $"{e.GetProperty("upToDismissal").GetBoolean()}"));
        Assert.All(Booked(decided), e => Assert.False(e.TryGetProperty("clockId", out _)));
        var ledger = await LedgerAsync(desk);
        // No plan yet, so no department: the responsible person is the owner who decided.
        Assert.Equal(
            [
                $"{id} DEPARTMENT 10 100 COMPLAINT_CONFIRMED False False - -",
                $"{id} DEPARTMENT_HEAD 10 100 COMPLAINT_CONFIRMED False False - -",
                $"{id} RESPONSIBLE_PERSON 50 500 COMPLAINT_CONFIRMED False True - {agentId}",
            ],
            Entries(ledger));
        Assert.Equal(
            ["DEPARTMENT 1 10 100", "DEPARTMENT_HEAD 1 10 100", "UNIT_LEADER 0 0 0", "RESPONSIBLE_PERSON 1 50 500"],
            ledger.GetProperty("byTarget").EnumerateArray().Select(t =>
                $"{t.GetProperty("target").GetString()} {t.GetProperty("entries").GetInt32()} {t.GetProperty("points").GetInt32()} {t.GetProperty("money").GetDecimal()}"));
    }

    [Fact]
    public async Task Book_a_complaint_confirmed_once_however_often_responsibility_is_decided()
    {
        var (desk, agent, _, id) = await InvestigatedSeriousComplaintAsync();

        await Desk.DoAsync(agent, "decideResponsibility", id, new { responsibility = "COMPANY", reason = "A bad batch." });
        await Desk.DoAsync(agent, "decideResponsibility", id, new { responsibility = "CUSTOMER", reason = "Stored in the sun." });
        var decidedAgain = await Desk.DoAsync(agent, "decideResponsibility", id, new { responsibility = "COMPANY", reason = "The batch after all." });

        Assert.Equal(3, Booked(decidedAgain).Count);
        Assert.Equal(3, Entries(await LedgerAsync(desk)).Count);
    }

    [Fact]
    public async Task Book_nothing_when_the_customer_is_responsible()
    {
        var (desk, agent, _, id) = await InvestigatedSeriousComplaintAsync();

        var decided = await Desk.DoAsync(agent, "decideResponsibility", id, new { responsibility = "CUSTOMER", reason = "Stored in the sun." });

        Assert.Empty(Booked(decided));
        Assert.Empty(Entries(await LedgerAsync(desk)));
    }

    [Fact]
    public async Task Book_minus_ten_against_the_department_once_per_unhappy_callback()
    {
        var desk = await Desk.OpenAsync(api, "winery");
        var (agent, agentId) = await desk.UserAsync("AGENT");
        var (head, _) = await desk.UserAsync("DEPARTMENT_HEAD");
        var (unitLeader, _) = await desk.UserAsync("UNIT_LEADER");
        var (csCentre, _) = await desk.UserAsync("CS_CENTRE");
        var id = await desk.SubmitAsync();

        // A minor complaint: unhappy once, it comes back general, for the unit leader to approve; unhappy again.
        await ResolveAsync(agent, head, id);
        await Desk.DoAsync(csCentre, "recordCallback", id, Unhappy);
        await ResolveAsync(agent, unitLeader, id);
        var reopened = await Desk.DoAsync(csCentre, "recordCallback", id, Unhappy);

        Assert.Equal(
            ["Department 10", "Department 10"],
            Booked(reopened).Where(e => e.GetProperty("occasion").GetString() == "CallbackUnsatisfied").Select(e =>
                $"{e.GetProperty("target").GetString()} {e.GetProperty("points").GetInt32()}"));
        // The plan's one task is Logistics', so the department is; deciding again for the second plan booked nothing.
        Assert.Equal(
            [
                $"{id} DEPARTMENT 5 50 COMPLAINT_CONFIRMED False False - -",
                $"{id} RESPONSIBLE_PERSON 5 50 COMPLAINT_CONFIRMED True False - {agentId}",
                $"{id} DEPARTMENT 10 100 CALLBACK_UNSATISFIED False False Logistics -",
                $"{id} DEPARTMENT 10 100 CALLBACK_UNSATISFIED False False Logistics -",
            ],
            Entries(await LedgerAsync(desk)));
    }

    [Fact]
    public async Task Book_nothing_under_a_policy_without_penalties()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (agent, _) = await desk.UserAsync("AGENT");
        var (supervisor, _) = await desk.UserAsync("CS_SUPERVISOR");
        var (caller, _) = await desk.UserAsync("CS_SUPERVISOR");
        var id = await desk.SubmitAsync();

        await ResolveAsync(agent, supervisor, id);
        var reopened = await Desk.DoAsync(caller, "recordCallback", id, Unhappy);

        Assert.Equal("REOPENED", Desk.Status(reopened));
        Assert.Empty(Booked(reopened));
        Assert.Empty(Entries(await LedgerAsync(desk)));
    }

    /// <summary>A winery desk's serious complaint (8,000 yuan), taken and investigated by an agent: its responsibility is next.</summary>
    private async Task<(Desk Desk, GraphQLClient Agent, string AgentId, string Id)> InvestigatedSeriousComplaintAsync()
    {
        var desk = await Desk.OpenAsync(api, "winery");
        var (agent, agentId) = await desk.UserAsync("AGENT");
        var input = Operations.CalmMalfunctionInput();
        input["category"] = "product/quality";
        input["amountInvolved"] = 8_000m;
        var id = await desk.SubmitAsync(input);
        var submitted = await desk.Admin.SendAsync(Operations.ReadOne, new { id });
        Assert.Equal("SERIOUS", submitted.Data.GetProperty("complaint").GetProperty("grade").GetProperty("code").GetString());
        await Desk.DoAsync(agent, "assignComplaint", id);
        await Desk.DoAsync(agent, "recordInvestigation", id, new { rootCause = CorkWhy });
        return (desk, agent, agentId, id);
    }

    /// <summary>Takes the complaint, decided as the company's, through a plan the approver approves, to RESOLVED.</summary>
    private static async Task ResolveAsync(GraphQLClient owner, GraphQLClient approver, string id)
    {
        await Desk.ToPlanProposedAsync(owner, id);
        await Desk.ExecuteAsync(owner, id, await Desk.DoAsync(approver, "approvePlan", id));
    }

    private static List<JsonElement> Booked(JsonElement complaint) =>
        [.. complaint.GetProperty("history").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "PENALTY_BOOKED")
            .Select(e => e.GetProperty("data"))];

    private static List<string> Entries(JsonElement ledger) =>
        [.. ledger.GetProperty("entries").EnumerateArray().Select(e =>
            $"{e.GetProperty("complaintId").GetString()} {e.GetProperty("target").GetString()} {e.GetProperty("points").GetInt32()} " +
            $"{e.GetProperty("money").GetDecimal()} {e.GetProperty("occasion").GetString()} {e.GetProperty("decidedByDepartment").GetBoolean()} " +
            $"{e.GetProperty("upToDismissal").GetBoolean()} {e.GetProperty("department").GetString() ?? "-"} {e.GetProperty("personId").GetString() ?? "-"}")];

    private static async Task<JsonElement> LedgerAsync(Desk desk) => (await desk.ReportAroundNowAsync(Ledger)).GetProperty("pointsLedger");
}
