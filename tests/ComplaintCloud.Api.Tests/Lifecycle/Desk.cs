using System.Text.Json;
using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Scheduling;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ComplaintCloud.Api.Tests.Lifecycle;

/// <summary>A fresh tenant's complaint desk: its admin, users it creates with roles, and lifecycle mutations by name.</summary>
public sealed class Desk(ApiFixture api, SignedInTenant tenant, string policyId = "general-enterprise")
{
    private const string Fields = """
        id status ownerId reopenCount archivedAt duplicateOf grade { code rank }
        urgency { safetyHazard majorServiceFailure angryCustomer urgent }
        rootCause responsibility remedyOptions evidence { id kind fileSize customerConsent }
        plan { revision compensation approvals { role requiredRole userId } tasks { id progress done } }
        callback { overall } notes { text visibility } history { type actorId data }
        """;

    private static readonly string[] Whys = ["The thermostat failed", "Its batch was not tested", "The test rig was down"];
    private static readonly string[] Remedies = ["REPLACE", "COMPENSATION"];

    public GraphQLClient Admin => tenant.Client;

    public Guid TenantId => Guid.Parse(tenant.TenantId);

    public string Slug => tenant.Slug;

    public static async Task<Desk> OpenAsync(ApiFixture api, string policyId) => new(api, await api.SignUpAsync(policyId), policyId);

    /// <summary>Creates a user with the roles and returns a client signed in as them, with their id.</summary>
    public async Task<(GraphQLClient Client, string Id)> UserAsync(params string[] roles)
    {
        var email = $"u{Guid.NewGuid():N}@{tenant.Slug}.example";
        var created = await Admin.SendAsync(
            "mutation($i: CreateUserInput!) { createUser(input: $i) { id } }",
            new { i = new { email, password = "a-long-password", roles } });
        created.AssertNoErrors();
        var login = await api.Client().SendAsync(
            "mutation($i: LogInInput!) { logIn(input: $i) { token } }",
            new { i = new { tenantSlug = tenant.Slug, email, password = "a-long-password" } });
        login.AssertNoErrors();
        return (api.Client(login.Data.GetProperty("logIn").GetProperty("token").GetString()), created.Data.GetProperty("createUser").GetProperty("id").GetString()!);
    }

    public async Task<string> SubmitAsync(Dictionary<string, object?>? input = null)
    {
        var result = await Admin.SendAsync(Operations.Submit, new { input = input ?? Operations.CalmComplaintInput(policyId) });
        result.AssertNoErrors();
        return result.Data.GetProperty("submitComplaint").GetProperty("id").GetString()!;
    }

    /// <summary>A customer's complaint through the public form, with the number they are given and its id.</summary>
    public async Task<(string Number, string Id)> SubmitPublicAsync(string contact)
    {
        var submitted = await api.Client().SendAsync(Operations.PublicSubmit, Operations.PublicComplaint(contact), new Dictionary<string, string> { ["X-Tenant"] = Slug });
        submitted.AssertNoErrors();
        var listed = await Admin.SendAsync("{ complaints { nodes { id } } }");
        return (submitted.Data.GetProperty("submitPublicComplaint").GetProperty("number").GetString()!,
            listed.Data.GetProperty("complaints").GetProperty("nodes")[0].GetProperty("id").GetString()!);
    }

    /// <summary>A customer's complaint (general enterprise) whose plan a supervisor approved and the desk told the customer.</summary>
    public async Task<(string Number, string Id)> PublicComplaintNotifiedOfPlanAsync(string contact)
    {
        var (number, id, _) = await PublicComplaintApprovedAsync(contact);
        await DoAsync(Admin, "notifyCustomer", id, new { message = "We will replace your kettle within two days." });
        return (number, id);
    }

    /// <summary>A customer's complaint (general enterprise) the admin handled to RESOLVED: its callback is due.</summary>
    public async Task<(string Number, string Id)> PublicComplaintResolvedAsync(string contact)
    {
        var (number, id, approved) = await PublicComplaintApprovedAsync(contact);
        await ExecuteAsync(Admin, id, approved);
        return (number, id);
    }

    /// <summary>
    /// A winery complaint (the contact of <see cref="Operations.CalmComplaintInput"/>) an agent handled to RESOLVED once
    /// the department head approved its plan: its callback is due.
    /// </summary>
    public async Task<(string Number, string Id)> WineryComplaintResolvedAsync()
    {
        var (agent, _) = await UserAsync("AGENT");
        var (head, _) = await UserAsync("DEPARTMENT_HEAD");
        var id = await SubmitAsync();
        await ToPlanProposedAsync(agent, id);
        await ExecuteAsync(agent, id, await DoAsync(head, "approvePlan", id));
        return ((await Admin.SendAsync(Operations.ReadOne, new { id })).Data.GetProperty("complaint").GetProperty("number").GetString()!, id);
    }

    private async Task<(string Number, string Id, JsonElement Approved)> PublicComplaintApprovedAsync(string contact)
    {
        var (number, id) = await SubmitPublicAsync(contact);
        await ToPlanProposedAsync(Admin, id);
        var (supervisor, _) = await UserAsync("CS_SUPERVISOR");
        return (number, id, await DoAsync(supervisor, "approvePlan", id));
    }

    /// <summary>The admin's <c>report</c> over the days around now in the tenant's zone (Asia/Shanghai): whatever a test just did.</summary>
    public async Task<JsonElement> ReportAroundNowAsync(string query)
    {
        var (from, to) = DaysAroundNow();
        var result = await Admin.SendAsync(query, new { period = new { from, to } });
        result.AssertNoErrors();
        return result.Data.GetProperty("report");
    }

    /// <summary>The lines of the admin's <c>report.csv</c> over the days around now.</summary>
    public async Task<string[]> ReportCsvAroundNowAsync()
    {
        var (from, to) = DaysAroundNow();
        var csv = await Admin.Http.GetStringAsync(new Uri($"/reports/report.csv?from={from}&to={to}", UriKind.Relative));
        return csv.Split("\r\n");
    }

    private (string From, string To) DaysAroundNow()
    {
        var today = api.Services.GetRequiredService<IClock>().GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).Date;
        return ($"{today.PlusDays(-1):yyyy-MM-dd}", $"{today.PlusDays(1):yyyy-MM-dd}");
    }

    /// <summary>Makes every running or warned clock of the complaint overdue and has the SLA handler process the tenant.</summary>
    public async Task BreachClocksAsync(string complaintId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(TenantId);
        var db = scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>();
        await db.Database.ExecuteSqlAsync($"""
            UPDATE sla_clocks SET due_at = now() - interval '1 minute', next_alert_at = now() - interval '1 minute'
            WHERE complaint_id = {Guid.Parse(complaintId)} AND state IN ('Running', 'Warned')
            """);
        await scope.ServiceProvider.GetRequiredService<IDueClockProcessor>().ProcessDueAsync(TenantId, CancellationToken.None);
    }

    /// <summary>Runs a lifecycle mutation with <c>complaintId</c> added to the input.</summary>
    public static Task<GraphQLResult> TryAsync(GraphQLClient client, string mutation, string complaintId, object? input = null)
    {
        var values = input is null ? [] : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(input))!
            .ToDictionary(p => p.Key, p => (object?)p.Value);
        values["complaintId"] = complaintId;
        var inputType = char.ToUpperInvariant(mutation[0]) + mutation[1..] + "Input";
        return client.SendAsync($"mutation($i: {inputType}!) {{ {mutation}(input: $i) {{ {Fields} }} }}", new { i = values });
    }

    /// <summary>Runs a lifecycle mutation that must succeed and returns the complaint.</summary>
    public static async Task<JsonElement> DoAsync(GraphQLClient client, string mutation, string complaintId, object? input = null)
    {
        var result = await TryAsync(client, mutation, complaintId, input);
        result.AssertNoErrors();
        return result.Data.GetProperty(mutation);
    }

    public static string Status(JsonElement complaint) => complaint.GetProperty("status").GetString()!;

    /// <summary>Takes a received complaint to PLAN_PROPOSED through its owner.</summary>
    public static async Task<JsonElement> ToPlanProposedAsync(GraphQLClient owner, string id, decimal compensation = 0)
    {
        await DoAsync(owner, "assignComplaint", id);
        await DoAsync(owner, "recordInvestigation", id, new
        {
            evidence = new[] { new { kind = "QA_REPORT", text = "QA found a failed thermostat in batch 2026-11." } },
            rootCause = Whys,
        });
        await DoAsync(owner, "decideResponsibility", id, new { responsibility = "COMPANY", reason = "A manufacturing defect." });
        return await DoAsync(owner, "proposePlan", id, new
        {
            shortTermMeasures = "Replace the kettle.",
            longTermMeasures = "Test every thermostat batch.",
            remedies = Remedies,
            compensation,
            tasks = new[] { new { title = "Ship a new kettle", department = "Logistics", dueAt = DateTime.UtcNow.AddDays(2) } },
        });
    }

    /// <summary>From PLAN_APPROVED to RESOLVED: notify, confirm, finish every task, resolve.</summary>
    public static async Task<JsonElement> ExecuteAsync(GraphQLClient owner, string id, JsonElement approved)
    {
        await DoAsync(owner, "notifyCustomer", id, new { message = "We will replace your kettle within two days." });
        await DoAsync(owner, "recordCustomerConfirmation", id, new { accepted = true });
        foreach (var task in approved.GetProperty("plan").GetProperty("tasks").EnumerateArray())
        {
            await DoAsync(owner, "updateTask", id, new { taskId = task.GetProperty("id").GetString(), done = true });
        }

        return await DoAsync(owner, "resolveComplaint", id, new { summary = "Kettle replaced." });
    }
}
