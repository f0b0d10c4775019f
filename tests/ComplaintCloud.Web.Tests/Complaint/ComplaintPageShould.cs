using System.Text;
using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Web.Tests.Support;
using Microsoft.Playwright;
using LifecycleDesk = ComplaintCloud.Api.Tests.Lifecycle.Desk;
using static Microsoft.Playwright.Assertions;

namespace ComplaintCloud.Web.Tests.Complaint;

/// <summary>
/// The complaint page and its lifecycle actions (issue 12, points 4 and 5) on the general-enterprise policy: the
/// buttons come from the API's allowedActions, a refusal shows the API's code and message.
/// </summary>
public sealed class ComplaintPageShould(WebFixture web) : BrowserTest(web)
{
    [Fact]
    public async Task LetStaffTakeInvestigateAndResolveAComplaintThroughToItsClosing()
    {
        var tenant = await SignUpAsync();
        var agent = await StaffAsync(tenant, "AGENT");
        var supervisor = await StaffAsync(tenant, "CS_SUPERVISOR");
        var id = await SubmitAsync(tenant);

        await LogInAsync(tenant, agent);
        await Page.GotoAsync($"/complaints/{id}");
        await DoAsync("ACKNOWLEDGE", "ACKNOWLEDGED");
        await DoAsync("ASSIGN", "ASSIGNED");
        await Expect(Page.GetByTestId("complaint-owner")).ToHaveTextAsync(agent);

        await OpenAsync("RECORD_INVESTIGATION");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add evidence" }).ClickAsync();
        await Page.GetByLabel("What it shows").FillAsync("QA found a failed thermostat in batch 2026-11.");
        await Page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "qa-report.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("Thermostat batch 2026-11: 3 of 20 failed."),
        });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add a why" }).ClickAsync();
        await Page.GetByLabel("Why 1").FillAsync("The thermostat failed");
        await SaveAsync("INVESTIGATING");
        await Expect(Page.GetByTestId("evidence-item")).ToContainTextAsync("qa-report.txt");

        await OpenAsync("DECIDE_RESPONSIBILITY");
        await Page.GetByLabel("The company").CheckAsync();
        await Page.GetByLabel("Reason").FillAsync("A manufacturing defect.");
        await SaveAsync("RESPONSIBILITY_DECIDED");
        await Expect(Page.GetByTestId("remedy-options")).ToContainTextAsync("Replace");

        await OpenAsync("PROPOSE_PLAN");
        await Page.GetByLabel("Short-term measures").FillAsync("Replace the kettle.");
        await Page.GetByLabel("Replace", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add a task" }).ClickAsync();
        await Page.GetByLabel("Title").FillAsync("Ship a new kettle");
        await Page.GetByLabel("Department").FillAsync("Logistics");
        await Page.GetByLabel("Due").FillAsync(DateTime.Now.AddDays(3).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await SaveAsync("PLAN_PROPOSED");
        await Expect(Page.GetByTestId("outstanding-approvals")).ToContainTextAsync("CS_SUPERVISOR");
        await Expect(Page.GetByTestId("action-APPROVE_PLAN")).ToHaveCountAsync(0);

        await SwitchUserAsync(tenant, supervisor, id);
        await DoAsync("APPROVE_PLAN", "PLAN_APPROVED");

        await SwitchUserAsync(tenant, agent, id);
        await OpenAsync("NOTIFY_CUSTOMER");
        await Page.GetByLabel("Message to the customer").FillAsync("We will replace your kettle within two days.");
        await SaveAsync("CUSTOMER_NOTIFIED");
        await OpenAsync("RECORD_CUSTOMER_CONFIRMATION");
        await Page.GetByLabel("The customer accepts the plan").CheckAsync();
        await SaveAsync("CUSTOMER_CONFIRMED");
        await OpenAsync("UPDATE_TASK");
        await PickAsync(Page.GetByLabel("Task", new() { Exact = true }), Page.GetByTitle("Ship a new kettle · Logistics"));
        await Page.GetByLabel("Done").CheckAsync();
        await SaveAsync("EXECUTING");
        await OpenAsync("RESOLVE");
        await Page.GetByLabel("Summary").FillAsync("Kettle replaced.");
        await SaveAsync("RESOLVED");

        await SwitchUserAsync(tenant, supervisor, id);
        await OpenAsync("RECORD_CALLBACK");
        foreach (var score in (string[])["Overall", "Attitude", "Speed", "Professionalism", "Outcome"])
        {
            await Page.GetByLabel($"{score} (1–5)").FillAsync("5");
        }

        await SaveAsync("CALLBACK_DONE");
        await DoAsync("CLOSE", "CLOSED");
        await Expect(Page.GetByTestId("history-entry").Last).ToHaveAttributeAsync("data-type", "CLOSED");
        await SaveScreenshotAsync("complaint-page.png");
    }

    // Seed 003: the callback is made by someone who did not handle the complaint; the page says so in the API's words.
    [Fact]
    public async Task ShowAHandlerTheApisRefusalOfTheCallback()
    {
        var tenant = await SignUpAsync();
        var handler = await StaffAsync(tenant, "AGENT", "CS_SUPERVISOR");
        var id = await SubmitAsync(tenant);
        var client = await ClientAsync(tenant, handler);
        await LifecycleDesk.ToPlanProposedAsync(client, id);
        var approver = await ClientAsync(tenant, await StaffAsync(tenant, "CS_SUPERVISOR"));
        await LifecycleDesk.ExecuteAsync(client, id, await LifecycleDesk.DoAsync(approver, "approvePlan", id));

        await LogInAsync(tenant, handler);
        await Page.GotoAsync($"/complaints/{id}");

        await Expect(Page.GetByTestId("complaint-status")).ToHaveAttributeAsync("data-status", "RESOLVED");
        await Expect(Page.GetByTestId("action-RECORD_CALLBACK")).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("refusal").Filter(new() { Has = Page.GetByTestId("refused-RECORD_CALLBACK") }))
            .ToContainTextAsync("FORBIDDEN The callback must be made by someone who did not handle the complaint.");
    }

    [Fact]
    public async Task ChangeNothingOnScreenWhenAnActionIsRefused()
    {
        var tenant = await SignUpAsync();
        var id = await SubmitAsync(tenant);
        await LogInAsync(tenant);
        await Page.GotoAsync($"/complaints/{id}");
        await Expect(Page.GetByTestId("history-entry")).ToHaveCountAsync(1);

        // Someone else acknowledges it meanwhile: this page's Acknowledge button is now out of date.
        await LifecycleDesk.DoAsync(tenant.Client, "acknowledgeComplaint", id);
        await OpenAsync("ACKNOWLEDGE");
        await Button("Save").ClickAsync();

        await Expect(Page.GetByTestId("error-notice")).ToContainTextAsync("INVALID_TRANSITION The complaint is ACKNOWLEDGED, so you cannot acknowledge it.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(Page.GetByTestId("complaint-status")).ToHaveAttributeAsync("data-status", "RECEIVED");
        await Expect(Page.GetByTestId("history-entry")).ToHaveCountAsync(1);
    }

    // The roles offered are those the complaint's policy names, in the user's language.
    [Fact]
    public async Task EscalateToARoleThePolicyNames()
    {
        var tenant = await SignUpAsync();
        var id = await SubmitAsync(tenant);
        await LogInAsync(tenant);
        await Page.GotoAsync($"/complaints/{id}");

        await EscalateToTheAfterSalesManagerAsync();

        await Expect(Page.GetByTestId("complaint-escalated-to")).ToHaveTextAsync("After-sales manager");
        await Expect(Page.GetByTestId("history-entry")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task ShowABadInputUnderItsFieldAndChangeNothing()
    {
        var tenant = await SignUpAsync();
        var id = await SubmitAsync(tenant);
        await LogInAsync(tenant);
        await Page.GotoAsync($"/complaints/{id}");
        // The dialog offers only the policy's roles, so to see the server's refusal the request is changed on its way.
        await Page.RouteAsync("**/graphql", async route =>
        {
            var body = route.Request.PostData!.Replace("\"AFTER_SALES_MANAGER\"", "\"NO_SUCH_ROLE\"", StringComparison.Ordinal);
            await route.ContinueAsync(new() { PostData = Encoding.UTF8.GetBytes(body) });
        });

        await EscalateToTheAfterSalesManagerAsync();

        await Expect(Page.Locator("#toRole_help")).ToContainTextAsync("has no role 'NO_SUCH_ROLE'");
        await Expect(Page.GetByTestId("error-notice")).ToContainTextAsync("BAD_USER_INPUT");
        await Expect(Page.GetByTestId("history-entry")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task HandAComplaintOverToAColleagueWithAReason()
    {
        var tenant = await SignUpAsync();
        var colleague = await StaffAsync(tenant, "AGENT");
        var id = await SubmitAsync(tenant);
        await LifecycleDesk.DoAsync(tenant.Client, "assignComplaint", id);
        await LogInAsync(tenant);
        await Page.GotoAsync($"/complaints/{id}");

        await OpenAsync("HAND_OVER");
        await PickAsync(Page.GetByLabel("New owner"), Page.GetByTitle($"{colleague} (AGENT)"));
        await Page.GetByLabel("Reason").FillAsync("Going on leave.");
        await SaveAsync(Button("Save"), Page.GetByTestId("complaint-owner").Filter(new() { HasTextString = colleague }));

        await Expect(Page.GetByTestId("complaint-owner")).ToHaveTextAsync(colleague);
        await Expect(Page.GetByTestId("history-entry").Last).ToHaveAttributeAsync("data-type", "HANDED_OVER");
    }

    [Fact]
    public async Task RegradeAComplaintWithAReason()
    {
        var tenant = await SignUpAsync();
        var id = await SubmitAsync(tenant);
        await LogInAsync(tenant);
        await Page.GotoAsync($"/complaints/{id}");
        await Expect(Page.GetByTestId("grade-tag")).ToHaveTextAsync("Normal");

        await OpenAsync("REGRADE");
        await PickAsync(Page.GetByLabel("New grade"), Page.Locator(".ant-select-item-option[title='Urgent']"));
        await Page.GetByLabel("Reason").FillAsync("Three customers have the same fault.");
        await SaveAsync(Button("Save"), Page.GetByTestId("grade-tag").Filter(new() { HasTextString = "Urgent" }));

        await Expect(Page.GetByTestId("grade-tag")).ToHaveTextAsync("Urgent");
    }

    [Fact]
    public async Task LetAnApproverRejectAPlanWithAReason()
    {
        var tenant = await SignUpAsync();
        var supervisor = await StaffAsync(tenant, "CS_SUPERVISOR");
        var id = await SubmitAsync(tenant);
        await LifecycleDesk.ToPlanProposedAsync(tenant.Client, id);
        await LogInAsync(tenant, supervisor);
        await Page.GotoAsync($"/complaints/{id}");

        await OpenAsync("REJECT_PLAN");
        await Page.GetByLabel("Reason").FillAsync("Offer a refund too.");
        await SaveAsync("RESPONSIBILITY_DECIDED");
        await Expect(Page.GetByTestId("history-entry").Last).ToHaveAttributeAsync("data-type", "PLAN_REJECTED");
    }

    [Fact]
    public async Task ReopenAResolvedComplaintWithAReason()
    {
        var tenant = await SignUpAsync();
        var approver = await ClientAsync(tenant, await StaffAsync(tenant, "CS_SUPERVISOR"));
        var id = await SubmitAsync(tenant);
        await LifecycleDesk.ToPlanProposedAsync(tenant.Client, id);
        await LifecycleDesk.ExecuteAsync(tenant.Client, id, await LifecycleDesk.DoAsync(approver, "approvePlan", id));
        await LogInAsync(tenant);
        await Page.GotoAsync($"/complaints/{id}");

        await OpenAsync("REOPEN");
        await Page.GetByLabel("Reason").FillAsync("The new kettle fails too.");
        await SaveAsync("REOPENED");
    }

    [Fact]
    public async Task WithdrawAComplaintWithAReason()
    {
        var tenant = await SignUpAsync();
        var id = await SubmitAsync(tenant);
        await LogInAsync(tenant);
        await Page.GotoAsync($"/complaints/{id}");

        await OpenAsync("WITHDRAW");
        await Page.GetByLabel("Reason").FillAsync("The customer found the receipt.");
        await SaveAsync("WITHDRAWN");
    }

    [Fact]
    public async Task AddANoteTheCustomerMaySee()
    {
        var tenant = await SignUpAsync();
        var id = await SubmitAsync(tenant);
        await LogInAsync(tenant);
        await Page.GotoAsync($"/complaints/{id}");

        await OpenAsync("ADD_NOTE");
        await Page.GetByLabel("Text").FillAsync("Called the customer back; a courier comes tomorrow.");
        await Page.GetByLabel("Visible to the customer").CheckAsync();
        await SaveAsync(Button("Save"), Page.GetByTestId("complaint-note"));

        var note = Page.GetByTestId("complaint-note");
        await Expect(note).ToContainTextAsync("Called the customer back; a courier comes tomorrow.");
        await Expect(note).ToContainTextAsync("Visible to the customer");
    }

    [Fact]
    public async Task DownloadAnEvidenceFileUnderItsName()
    {
        var tenant = await SignUpAsync();
        var id = await SubmitAsync(tenant);
        var report = "Thermostat batch 2026-11: 3 of 20 failed.";
        await LifecycleDesk.DoAsync(tenant.Client, "assignComplaint", id);
        await LifecycleDesk.DoAsync(tenant.Client, "recordInvestigation", id, new
        {
            evidence = new[]
            {
                new { kind = "QA_REPORT", text = "QA's report.", fileName = "qa-report.txt", contentType = "text/plain", fileBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(report)) },
            },
        });
        await LogInAsync(tenant);
        await Page.GotoAsync($"/complaints/{id}");

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = "Download qa-report.txt" }).ClickAsync());

        Assert.Equal("qa-report.txt", download.SuggestedFilename);
        Assert.Equal(report, await File.ReadAllTextAsync(await download.PathAsync()));
    }

    // Seed 001: contact details are for callbacks and never shown to those without the right.
    [Fact]
    public async Task MaskTheCustomersContactForAViewer()
    {
        var tenant = await SignUpAsync();
        var viewer = await StaffAsync(tenant, "VIEWER");
        var id = await SubmitAsync(tenant);

        await LogInAsync(tenant, viewer);
        await Page.GotoAsync($"/complaints/{id}");

        await Expect(Page.GetByTestId("customer-contact")).ToHaveTextAsync("138******78");
        await Expect(Page.GetByTestId("complaint-words")).ToHaveTextAsync(Operations.KettleStory);
        await Expect(Page.GetByTestId("action-ADD_NOTE")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ShowTheContactToAnAgent()
    {
        var tenant = await SignUpAsync();
        var agent = await StaffAsync(tenant, "AGENT");
        var id = await SubmitAsync(tenant);

        await LogInAsync(tenant, agent);
        await Page.GotoAsync($"/complaints/{id}");

        await Expect(Page.GetByTestId("customer-contact")).ToHaveTextAsync("13812345678");
    }

    private static async Task<string> SubmitAsync(SignedInTenant tenant)
    {
        var result = await tenant.Client.SendAsync(Operations.Submit, Operations.CalmMalfunction());
        result.AssertNoErrors();
        return result.Data.GetProperty("submitComplaint").GetProperty("id").GetString()!;
    }

    /// <summary>A user of the tenant with the roles; returns their e-mail (the password is <see cref="BrowserTest.Password"/>).</summary>
    private static async Task<string> StaffAsync(SignedInTenant tenant, params string[] roles)
    {
        var email = $"u{Guid.NewGuid():N}@{tenant.Slug}.example";
        var created = await tenant.Client.SendAsync(
            "mutation($i: CreateUserInput!) { createUser(input: $i) { id } }", new { i = new { email, password = Password, roles } });
        created.AssertNoErrors();
        return email;
    }

    private async Task<GraphQLClient> ClientAsync(SignedInTenant tenant, string email)
    {
        var login = await Web.Client().SendAsync(
            "mutation($i: LogInInput!) { logIn(input: $i) { token } }", new { i = new { tenantSlug = tenant.Slug, email, password = Password } });
        login.AssertNoErrors();
        return Web.Client(login.Data.GetProperty("logIn").GetProperty("token").GetString());
    }

    private async Task SwitchUserAsync(SignedInTenant tenant, string email, string id)
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await LogInAsync(tenant, email);
        await Page.GotoAsync($"/complaints/{id}");
    }

    private async Task EscalateToTheAfterSalesManagerAsync()
    {
        await OpenAsync("ESCALATE");
        await PickAsync(Page.GetByLabel("Escalate to role"), Page.GetByTitle("After-sales manager"));
        await Page.GetByLabel("Reason").FillAsync("The customer threatens to go to the press.");
        await Button("Save").ClickAsync();
    }

    private async Task OpenAsync(string action)
    {
        await Page.GetByTestId($"action-{action}").ClickAsync();
        await Expect(Page.GetByTestId($"action-form-{action}")).ToBeVisibleAsync();
        await MotionSettledAsync();
    }

    private Task SaveAsync(string status) => SaveAsync(Button("Save"), Page.Locator($"[data-testid=complaint-status][data-status={status}]"));

    private async Task DoAsync(string action, string status)
    {
        await OpenAsync(action);
        await SaveAsync(status);
    }
}
