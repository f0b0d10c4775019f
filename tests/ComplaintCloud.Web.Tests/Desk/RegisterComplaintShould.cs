using System.Text.RegularExpressions;
using ComplaintCloud.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplaintCloud.Web.Tests.Desk;

public sealed class RegisterComplaintShould(WebFixture web) : BrowserTest(web)
{
    [Fact]
    public async Task RegisterAPhoneCallWithEveryIntakeField()
    {
        var tenant = await SignUpAsync();
        await LogInAsync(tenant);
        await Page.GotoAsync("/register");

        await FillKettleAsync();
        await Page.GetByLabel("Contact (for callbacks only)").FillAsync("13812345678");
        await Page.GetByLabel("Customer number").FillAsync("C-1001");
        await Page.GetByLabel("What the customer asks for").FillAsync("replace it");
        await Page.GetByLabel("Amount involved (yuan)").FillAsync("199");
        await Page.GetByLabel("Order reference").FillAsync("SO-2026-0001");
        await Page.GetByLabel("Customers affected").FillAsync("3");
        await SaveAsync(Button("Register"), Page.GetByText(new Regex(@"Registered as \d{8}-TEL-\d{4}")));
        // Three customers affected: the general enterprise grades it URGENT.
        await Expect(Page.GetByTestId("grade-tag")).ToHaveTextAsync("Urgent");
        var complaints = await tenant.Client.SendAsync("{ complaints { nodes { description amountInvolved facts { affectedCustomers attributes } customer { contact } } } }");
        var saved = complaints.Data.GetProperty("complaints").GetProperty("nodes")[0];
        Assert.Equal(Kettle, saved.GetProperty("description").GetString());
        Assert.Equal("SO-2026-0001", saved.GetProperty("facts").GetProperty("attributes").GetProperty("orderReference").GetString());
    }

    [Fact]
    public async Task OpenTheCategoryPickerOnceTheTreeHasArrived()
    {
        var tenant = await SignUpAsync();
        await LogInAsync(tenant);
        var treeAsked = new TaskCompletionSource();
        var treeSent = new TaskCompletionSource();
        await Page.RouteAsync("**/graphql", async route =>
        {
            if (route.Request.PostData?.Contains("IntakeCategories", StringComparison.Ordinal) == true)
            {
                treeAsked.SetResult();
                await treeSent.Task;
            }

            await route.ContinueAsync();
        });
        await Page.GetByRole(AriaRole.Link, new() { Name = "Register a complaint" }).ClickAsync();
        await treeAsked.Task;

        // Words typed into the picker before the tree arrives would leave the matches folded away under their parents.
        await Expect(CategoryPicker).ToBeDisabledAsync();
        treeSent.SetResult();

        // Picking finds the category under its parent.
        await FillKettleAsync();
    }

    // Reached from the board, whose search box is labelled "Search number, words, customer, category".
    [Fact]
    public async Task PickACategoryAfterTheHeadersLink()
    {
        var tenant = await SignUpAsync();
        await LogInAsync(tenant);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Register a complaint" }).ClickAsync();

        await FillKettleAsync();
    }

    [Fact]
    public async Task CheckTheFieldsAsIntakeDoesBeforeSending()
    {
        var tenant = await SignUpAsync();
        await LogInAsync(tenant);
        await Page.GotoAsync("/register");

        await Page.GetByLabel("Amount involved (yuan)").FillAsync("-1");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();

        await Expect(Page.GetByText("Please fill this in")).ToHaveCountAsync(3);
        await Expect(Page.GetByText("The amount cannot be negative")).ToBeVisibleAsync();
        Assert.Equal(0, await CountAsync(tenant));
    }

    [Fact]
    public async Task ShowTheApisBadUserInputUnderItsField()
    {
        ExpectConsoleError("status of 400");
        var tenant = await SignUpAsync();
        await LogInAsync(tenant);
        await Page.GotoAsync("/register");
        await FillKettleAsync();
        // The picker offers only the tenant's categories, so to see the server's refusal the request is changed on its
        // way: the category arrives as one the tenant does not have.
        await Page.RouteAsync("**/graphql", async route =>
        {
            var body = route.Request.PostData!.Replace("\"product/malfunction\"", "\"product/unheard-of\"", StringComparison.Ordinal);
            await route.ContinueAsync(new() { PostData = System.Text.Encoding.UTF8.GetBytes(body) });
        });

        await Page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();

        const string Refusal = "'product/unheard-of' is not one of the tenant's categories (the categories query lists them).";
        await Expect(Page.Locator(".ant-form-item-explain-error", new() { HasTextString = Refusal })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("BAD_USER_INPUT");
        Assert.Equal(0, await CountAsync(tenant));
    }

    [Fact]
    public async Task MakeOneComplaintOfADoubleClick()
    {
        var tenant = await SignUpAsync();
        await LogInAsync(tenant);
        await Page.GotoAsync("/register");
        await FillKettleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Register" }).DblClickAsync();

        await Expect(Page.GetByText(new Regex("Registered as"))).ToBeVisibleAsync();
        Assert.Equal(1, await CountAsync(tenant));
    }

    [Fact]
    public async Task LinkADuplicateToTheEarlierComplaint()
    {
        var tenant = await SignUpAsync();
        await LogInAsync(tenant);
        for (var time = 1; time <= 2; time++)
        {
            await Page.GotoAsync("/register");
            await FillKettleAsync();
            await Page.GetByLabel("Contact (for callbacks only)").FillAsync("13812345678");
            await SaveAsync(Button("Register"), Page.GetByText(new Regex("Registered as")));
        }

        await Page.GetByRole(AriaRole.Link, new() { Name = "the earlier complaint" }).ClickAsync();

        var first = await tenant.Client.SendAsync("{ complaints(orderBy: NEWEST) { nodes { id } } }");
        var earlier = first.Data.GetProperty("complaints").GetProperty("nodes")[1].GetProperty("id").GetString();
        await Expect(Page).ToHaveURLAsync(new Regex($"/complaints/{earlier}$"));
    }

    private const string Kettle = "The kettle stopped heating after two days. 水壶用了两天就不加热了。";

    // Exactly "Category": a label merely containing the word, such as the board's search box while the register page is
    // still on its way, is not the picker.
    private ILocator CategoryPicker => Page.GetByLabel("Category", new() { Exact = true });

    private async Task FillKettleAsync()
    {
        // The category tree is the tenant's, seeded from the general enterprise's categories; filling waits for the
        // picker, which opens once the tree has arrived.
        await CategoryPicker.FillAsync("malfunction");
        await Page.Locator(".ant-select-tree-node-content-wrapper", new() { HasText = "(product/malfunction)" }).ClickAsync();
        await Page.GetByLabel("The customer's words").FillAsync(Kettle);
        await Page.GetByLabel("Customer name or nickname").FillAsync("Li Lei");
    }

    private static async Task<int> CountAsync(Api.Tests.Support.SignedInTenant tenant) =>
        (await tenant.Client.SendAsync("{ complaints { totalCount } }")).Data.GetProperty("complaints").GetProperty("totalCount").GetInt32();
}
