using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using LifecycleDesk = ComplaintCloud.Api.Tests.Lifecycle.Desk;

namespace ComplaintCloud.Web.Tests.Desk;

public sealed class BoardShould(WebFixture web) : BrowserTest(web)
{
    [Fact]
    public async Task ListOpenComplaintsNearestDeadlineFirstWithGradeAndLiveCountdown()
    {
        var tenant = await SignUpAsync();
        var normal = await SubmitAsync(tenant);
        // Several customers affected: URGENT, to be contacted within 30 minutes, sooner than NORMAL's 1-hour acknowledgement.
        var urgent = await SubmitAsync(tenant, Urgent());

        await LogInAsync(tenant);

        var rows = Page.GetByTestId("board-table").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0)).ToContainTextAsync(urgent);
        await Expect(rows.Nth(1)).ToContainTextAsync(normal);
        await Expect(rows.Nth(0).GetByTestId("grade-tag")).ToHaveTextAsync("Urgent");
        // The second rank's colour: an orange dark enough to read (axe colour contrast).
        await Expect(rows.Nth(0).GetByTestId("grade-tag")).ToHaveCSSAsync("color", "rgb(173, 78, 0)");
        var countdown = rows.Nth(0).GetByTestId("clock-countdown");
        await Expect(countdown).ToHaveAttributeAsync("data-tone", "running");
        var before = await countdown.TextContentAsync();
        await Expect(countdown).Not.ToHaveTextAsync(before!);
        await SaveScreenshotAsync("console-board.png");
    }

    [Fact]
    public async Task ShowANewComplaintWithinTwoSeconds()
    {
        var tenant = await SignUpAsync();
        await LogInAsync(tenant);
        await Expect(Page.GetByText("No open complaint matches")).ToBeVisibleAsync();

        var number = await SubmitAsync(tenant);

        await Expect(Page.GetByTestId("board-table").GetByText(number)).ToBeVisibleAsync(new() { Timeout = 2000 });
    }

    [Fact]
    public async Task TurnAmberAtTheWarningShareAndRedAtTheDeadline()
    {
        var tenant = await SignUpAsync();
        await SubmitAsync(tenant);
        await Page.Clock.InstallAsync();
        await LogInAsync(tenant);
        var countdown = Page.GetByTestId("clock-countdown");
        await Expect(countdown).ToHaveAttributeAsync("data-tone", "running");

        // NORMAL: acknowledge within 1 hour, warned at 80 %, i.e. after 48 minutes.
        await Page.Clock.FastForwardAsync((long)TimeSpan.FromMinutes(48).TotalMilliseconds);
        await Expect(countdown).ToHaveAttributeAsync("data-tone", "warning");
        await Expect(countdown).ToHaveClassAsync(new Regex("ant-tag-gold"));

        await Page.Clock.FastForwardAsync((long)TimeSpan.FromMinutes(12).TotalMilliseconds);
        await Expect(countdown).ToHaveAttributeAsync("data-tone", "breached");
        await Expect(countdown).ToHaveClassAsync(new Regex("ant-tag-red"));
    }

    [Fact]
    public async Task FilterByOwnerKindAndWords()
    {
        var tenant = await SignUpAsync();
        var kettle = await SubmitAsync(tenant);
        var inquiry = Operations.CalmMalfunctionInput("Where is my parcel? 我的包裹在哪里？");
        inquiry["kind"] = "INQUIRY";
        var parcel = await SubmitAsync(tenant, inquiry);
        await LogInAsync(tenant);
        var rows = Page.GetByTestId("board-table").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(2);

        await Page.GetByRole(AriaRole.Searchbox, new() { Name = "Search number, words, customer, category" }).FillAsync("包裹");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync(parcel);
        await Expect(Page).ToHaveURLAsync(new Regex("q=%E5%8C%85%E8%A3%B9"));

        await Page.GotoAsync("/?kind=COMPLAINT");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync(kettle);

        await Page.GotoAsync("/?owner=MINE");
        await Expect(Page.GetByText("No open complaint matches")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task FilterByStatusGradeAndChannel()
    {
        var tenant = await SignUpAsync();
        var received = await SubmitAsync(tenant);
        var urgent = await SubmitAsync(tenant, Urgent());
        var email = Operations.CalmMalfunctionInput("The lid of the kettle cracked. 水壶盖裂了。");
        email["channel"] = "EMAIL";
        var mailed = await SubmitAsync(tenant, email);
        var acknowledged = await SubmitAsync(tenant);
        await LifecycleDesk.DoAsync(tenant.Client, "acknowledgeComplaint", await IdOfAsync(tenant, acknowledged));
        await LogInAsync(tenant);
        var rows = Page.GetByTestId("board-table").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(4);

        await ChooseAsync("Status", "Acknowledged");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync(acknowledged);
        await Expect(Page).ToHaveURLAsync(new Regex("status=ACKNOWLEDGED"));

        await Page.GotoAsync("/");
        await ChooseAsync("Grade", "Urgent");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync(urgent);

        await Page.GotoAsync("/");
        await ChooseAsync("Channel", "E-mail");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync(mailed);
        Assert.DoesNotContain(received, await rows.First.TextContentAsync());
    }

    [Fact]
    public async Task ShowAWarningOrBreachFromTheClockAlertsWithoutWaitingForItsPoll()
    {
        var tenant = await SignUpAsync();
        var number = await SubmitAsync(tenant);
        var subscribed = await WhenTheBoardSubscribesAsync();
        await Page.Clock.InstallAsync();
        await LogInAsync(tenant);
        var countdown = Page.GetByTestId("clock-countdown");
        await Expect(countdown).ToHaveAttributeAsync("data-tone", "running");
        await subscribed;
        // The page's time stands still from here: no poll and no countdown tick moves the board, only the alert.
        await Page.Clock.PauseAtAsync(DateTime.UtcNow.AddSeconds(1));

        await new LifecycleDesk(Web, tenant).BreachClocksAsync(await IdOfAsync(tenant, number));

        await Expect(countdown).ToHaveAttributeAsync("data-tone", "breached");
    }

    [Fact]
    public async Task PageWithTheConnectionsCursors()
    {
        var tenant = await SignUpAsync();
        for (var i = 0; i < 21; i++)
        {
            await SubmitAsync(tenant);
        }

        await LogInAsync(tenant);
        var rows = Page.GetByTestId("board-table").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(20);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Next" })).ToBeDisabledAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Previous" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(20);
    }

    // Issue 12: with 10,000 open complaints in the tenant, the board never asks for more than the one page on screen.
    [Fact]
    public async Task AskForOnePageOfTwentyAtATime()
    {
        var tenant = await SignUpAsync();
        for (var i = 0; i < 21; i++)
        {
            await SubmitAsync(tenant);
        }

        var asked = new ConcurrentQueue<(int? First, string? After)>();
        Page.Request += (_, request) =>
        {
            if (BoardVariables(request) is { } variables)
            {
                asked.Enqueue((
                    variables.TryGetProperty("first", out var first) && first.ValueKind == JsonValueKind.Number ? first.GetInt32() : null,
                    variables.TryGetProperty("after", out var after) && after.ValueKind == JsonValueKind.String ? after.GetString() : null));
            }
        };
        await LogInAsync(tenant);
        var rows = Page.GetByTestId("board-table").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(20);
        // The board asks again every second for new complaints: one more ask, still the first page alone.
        await Page.WaitForRequestAsync(request => BoardVariables(request) is not null);

        Assert.All(asked, ask => Assert.Equal((20, null), ask));

        await Page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Page.WaitForRequestAsync(request => BoardVariables(request) is not null);

        // Page one until Next, then page two from its cursor alone; twenty at most each time.
        var asks = asked.ToList();
        Assert.All(asks, ask => Assert.Equal(20, ask.First));
        var secondPageFrom = asks.FindIndex(ask => ask.After is not null);
        Assert.True(secondPageFrom > 0, "The second page was never asked for.");
        Assert.All(asks.Take(secondPageFrom), ask => Assert.Null(ask.After));
        Assert.Single(asks.Skip(secondPageFrom).Select(ask => ask.After).Distinct());
        Assert.DoesNotContain(null, asks.Skip(secondPageFrom).Select(ask => ask.After));
    }

    /// <summary>The variables of a request for the board's complaints, or null for any other request.</summary>
    private static JsonElement? BoardVariables(IRequest request)
    {
        if (request.Method != "POST" || !request.Url.EndsWith("/graphql", StringComparison.Ordinal) || request.PostDataJSON() is not { } body)
        {
            return null;
        }

        return body.TryGetProperty("operationName", out var name) && name.GetString() == "Board" ? body.GetProperty("variables") : null;
    }

    // Completes once the board's clockAlerts subscription is in place on the service: its socket goes through the test,
    // which follows the page's subscribe with a ping of its own (the page sends none); the service handles a socket's
    // messages in order, so its pong, kept from the page, comes after the subscription exists.
    private async Task<Task> WhenTheBoardSubscribesAsync()
    {
        var subscribed = new TaskCompletionSource();
        await Page.RouteWebSocketAsync("**/graphql", page =>
        {
            var service = page.ConnectToServer();
            page.OnMessage(frame =>
            {
                var text = frame.Text ?? "";
                service.Send(text);
                if (text.Contains("BoardClockAlerts", StringComparison.Ordinal))
                {
                    service.Send("""{"type":"ping"}""");
                }
            });
            service.OnMessage(frame =>
            {
                var text = frame.Text ?? "";
                if (text.Contains("\"pong\"", StringComparison.Ordinal))
                {
                    subscribed.TrySetResult();
                    return;
                }

                page.Send(text);
            });
        });
        return subscribed.Task;
    }

    private async Task ChooseAsync(string filter, string option)
    {
        await Page.GetByRole(AriaRole.Combobox, new() { Name = filter }).ClickAsync();
        await Page.Locator(".ant-select-item-option", new() { HasText = option }).ClickAsync();
        await Page.Keyboard.PressAsync("Escape");
    }

    private static async Task<string> IdOfAsync(SignedInTenant tenant, string number)
    {
        var found = await tenant.Client.SendAsync("query($q: String) { complaints(filter: {search: $q}) { nodes { id } } }", new { q = number });
        found.AssertNoErrors();
        return found.Data.GetProperty("complaints").GetProperty("nodes")[0].GetProperty("id").GetString()!;
    }

    private static Dictionary<string, object?> Urgent()
    {
        var input = Operations.CalmMalfunctionInput("Three of our kettles stopped heating. 三台水壶都不加热了。");
        input["facts"] = new { affectedCustomers = 3 };
        return input;
    }

    private static async Task<string> SubmitAsync(SignedInTenant tenant, Dictionary<string, object?>? input = null)
    {
        var result = await tenant.Client.SendAsync(Operations.Submit, new { input = input ?? Operations.CalmMalfunctionInput() });
        result.AssertNoErrors();
        return result.Data.GetProperty("submitComplaint").GetProperty("number").GetString()!;
    }
}
