using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using ComplaintCloud.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using static Microsoft.Playwright.Assertions;
using LifecycleDesk = ComplaintCloud.Api.Tests.Lifecycle.Desk;

namespace ComplaintCloud.Web.Tests.Administration;

/// <summary>Issue 13, point 6: the report of a period as charts, with the same figures readable as text.</summary>
public sealed class ReportsPageShould(WebFixture web) : BrowserTest(web)
{
    [Fact]
    public async Task ShowTheVolumesOfThePeriodAsChartsAndAsText()
    {
        var tenant = await SignUpAsync();
        var desk = new LifecycleDesk(Web, tenant);
        var phoned = await desk.SubmitAsync();
        await desk.SubmitAsync();
        var mailed = Api.Tests.Support.Operations.CalmComplaintInput("general-enterprise");
        mailed["channel"] = "EMAIL";
        await desk.SubmitAsync(mailed);

        await LogInAsync(tenant);
        await Page.GotoAsync($"/reports?{DaysAroundNow()}");

        await Expect(Page.GetByTestId("by-kind").GetByRole(AriaRole.Row, new() { Name = "Complaint 3" })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("by-channel").GetByRole(AriaRole.Row, new() { Name = "Phone 2" })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("by-channel").GetByRole(AriaRole.Row, new() { Name = "E-mail 1" })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("by-category").GetByRole(AriaRole.Row, new() { Name = "product/malfunction 3" })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("by-grade").GetByRole(AriaRole.Row, new() { Name = "NORMAL 3" })).ToBeVisibleAsync();
        foreach (var title in new[] { "Volume by kind", "Volume by department", "SLA compliance per clock and grade", "First-contact resolution", "Satisfaction", "Top 3 categories", "Top 3 root causes", "Preventive measures" })
        {
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = title, Exact = true })).ToBeVisibleAsync();
        }

        // Drawn by ECharts, in its own lazily loaded chunk.
        await Expect(Page.GetByTestId("by-channel").Locator("[_echarts_instance_] svg")).ToHaveCountAsync(1);
        await Expect(Page.GetByTestId("sla").GetByRole(AriaRole.Row, new() { Name = "Acknowledge All grades 0 0 3 —" })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("first-contact-resolution")).ToContainTextAsync("Goal 90 %");
        await Expect(Page.GetByTestId("top-categories").GetByRole(AriaRole.Row, new() { Name = "product/malfunction 3 0 New" })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("typical-cases").Locator($"a[href='/complaints/{phoned}']")).ToBeVisibleAsync();
        // The general enterprise books no points: no ledger.
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Points ledger" })).ToHaveCountAsync(0);

        await Expect(Page.Locator(".ant-skeleton")).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("reports.png");
    }

    [Fact]
    public async Task AskForTheQuarterChosenInThePicker()
    {
        var tenant = await SignUpAsync();
        await LogInAsync(tenant);
        await Page.GotoAsync("/reports");
        var today = DateTime.Now;
        var quarter = (today.Month - 1) / 3;
        var from = new DateOnly(today.Year, quarter * 3 + 1, 1);

        await Page.GetByText("Quarter", new() { Exact = true }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"quarter={today.Year}-Q{quarter + 1}$"));
        await Expect(Page.GetByText($"{from:yyyy-MM-dd} to {from.AddMonths(3).AddDays(-1):yyyy-MM-dd};")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task DownloadBothExportsOfThePeriodUnderTheUsersToken()
    {
        var tenant = await SignUpAsync();
        var desk = new LifecycleDesk(Web, tenant);
        await desk.SubmitAsync();
        await LogInAsync(tenant);
        await Page.GotoAsync($"/reports?{DaysAroundNow()}");

        var complaints = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = "Download complaints.csv" }).ClickAsync());
        var report = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = "Download report.csv" }).ClickAsync());

        Assert.StartsWith("complaints-", complaints.SuggestedFilename, StringComparison.Ordinal);
        Assert.Contains("product/malfunction", await File.ReadAllTextAsync((await complaints.PathAsync())!), StringComparison.Ordinal);
        Assert.StartsWith("report-", report.SuggestedFilename, StringComparison.Ordinal);
        Assert.Contains("total,,,1,,,", await File.ReadAllTextAsync((await report.PathAsync())!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowTheApisForbiddenToAUserWhoMayNotReadReports()
    {
        var tenant = await SignUpAsync();
        var email = await CreateUserAsync(tenant, "AGENT");
        await LogInAsync(tenant, email);

        await Page.GotoAsync("/reports");

        await Expect(Page.GetByTestId("error-notice")).ToContainTextAsync("FORBIDDEN");
        await Expect(Page.GetByTestId("by-kind")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ShowTheWineryPointsLedgerByTargetDepartmentAndPersonWithMoneyInYuan()
    {
        var tenant = await SignUpAsync("winery");
        var complaint = Guid.Parse(await new LifecycleDesk(Web, tenant, "winery").SubmitAsync());
        // SPEC §3b: 1 point = 10 yuan. Booked as a confirmed serious complaint books them, against Quality.
        await BookPenaltyAsync(tenant, complaint, "Department", 10);
        await BookPenaltyAsync(tenant, complaint, "DepartmentHead", 10);
        await LogInAsync(tenant);

        await Page.GotoAsync($"/reports?{DaysAroundNow()}");

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Points ledger" })).ToContainTextAsync("1 point = CN¥10.00");
        await Expect(Page.GetByTestId("ledger-by-target").GetByRole(AriaRole.Row, new() { Name = "Department 1 10 CN¥100.00", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("ledger-by-target").GetByRole(AriaRole.Row, new() { Name = "Unit leader 0 0 CN¥0.00" })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("ledger-by-department").GetByRole(AriaRole.Row, new() { Name = "Quality 1 10 CN¥100.00" })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("ledger-by-person").GetByRole(AriaRole.Row, new() { Name = "Department head Quality — 1 10 CN¥100.00" })).ToBeVisibleAsync();
    }

    /// <summary>A penalty row as a booking writes it, now, against the Quality department.</summary>
    private async Task BookPenaltyAsync(Api.Tests.Support.SignedInTenant tenant, Guid complaint, string target, int points)
    {
        await using var scope = Web.Services.CreateAsyncScope();
        var tenantId = Guid.Parse(tenant.TenantId);
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(tenantId);
        var at = SystemClock.Instance.GetCurrentInstant();
        await scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>().Database.ExecuteSqlAsync($"""
            INSERT INTO penalty_entries (tenant_id, complaint_id, target, points, rule, occasion, occasion_key, decided_by_department, up_to_dismissal, at, department)
            VALUES ({tenantId}, {complaint}, {target}, {points}, {"serious: " + target}, {"ComplaintConfirmed"}, {$"{target}:{complaint}"}, {false}, {false}, {at}, {"Quality"})
            """);
    }

    /// <summary>Yesterday to tomorrow in the tenants' zone (Asia/Shanghai): whatever the test just did falls in it.</summary>
    private static string DaysAroundNow()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        return $"from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}";
    }
}
