using ComplaintCloud.Api.Tests.Lifecycle;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Notifications;

/// <summary>
/// Issue 14.3–14.4: the lifecycle's messages reach the people they are for through the service's own outbox: the
/// urgent customer's contact promise (SPEC §3a: within 30 minutes), the desk's news to the customer (§2.9) and the
/// approvers of a plan waiting for them (§2.7).
/// </summary>
[Collection(MailApiFixture.Collection)]
public sealed class LifecycleMessagesShould(MailApiFixture api)
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task PromiseAnUpsetCustomerContactByTheThirtyMinuteContactDeadline()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var contact = $"c{Guid.NewGuid():N}@example.com";
        var input = CalmComplaintFrom(contact);
        input["facts"] = new { customerEmotion = "UPSET" };
        var id = await desk.SubmitAsync(input);
        var complaint = (await desk.Admin.SendAsync(Operations.ReadOne, new { id })).Data.GetProperty("complaint");
        var number = complaint.GetProperty("number").GetString();
        var contactClock = complaint.GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "CONTACT");
        var receivedAt = complaint.GetProperty("receivedAt").GetDateTimeOffset();
        var dueAt = contactClock.GetProperty("dueAt").GetDateTimeOffset();

        var received = await api.Mail.WaitForAsync(contact, m => m.Subject == $"Your urgent feedback is being handled ({number})", Delivery);

        var urgent = Assert.Single(received);
        Assert.Equal(TimeSpan.FromMinutes(30), dueAt - receivedAt);
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        Assert.Contains($"we will contact you by {TimeZoneInfo.ConvertTime(dueAt, shanghai):yyyy-MM-dd HH:mm}.", urgent.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendTheCustomerTheDesksNewsWordForWordAndNeverAnInternalNote()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var contact = $"c{Guid.NewGuid():N}@example.com";
        var id = await desk.SubmitAsync(CalmComplaintFrom(contact));
        var number = await NumberAsync(desk, id);

        await Desk.DoAsync(desk.Admin, "addNote", id, new { text = "Supplier batch looks bad.", visibility = "INTERNAL" });
        await Desk.DoAsync(desk.Admin, "addNote", id, new { text = "A new kettle leaves our store today.", visibility = "CUSTOMER_VISIBLE" });
        var received = await api.Mail.WaitForAsync(contact, m => m.Subject == $"News about your feedback {number}", Delivery);

        var news = Assert.Single(received, m => m.Subject == $"News about your feedback {number}");
        Assert.Contains("A new kettle leaves our store today.", news.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(received, m => m.TextBody?.Contains("Supplier batch", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task TellTheApproversOfAProposedPlanThatItWaitsForThem()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (supervisor, _) = await desk.UserAsync("CS_SUPERVISOR");
        var supervisorEmail = (await supervisor.SendAsync("{ me { email } }")).Data.GetProperty("me").GetProperty("email").GetString()!;
        var id = await desk.SubmitAsync(CalmComplaintFrom($"c{Guid.NewGuid():N}@example.com"));
        var number = await NumberAsync(desk, id);

        await Desk.ToPlanProposedAsync(desk.Admin, id);
        var received = await api.Mail.WaitForAsync(supervisorEmail, m => m.Subject == $"Waiting for your approval: the plan for {number}", Delivery);

        var waiting = Assert.Single(received);
        Assert.Contains($"The plan for complaint {number} (product/malfunction, grade NORMAL) is waiting for CS_SUPERVISOR to approve it.", waiting.TextBody, StringComparison.Ordinal);
    }

    /// <summary>The calm kettle complaint in English, from a customer reached at <paramref name="contact"/>.</summary>
    private static Dictionary<string, object?> CalmComplaintFrom(string contact)
    {
        var input = Operations.CalmMalfunctionInput("The kettle stopped heating after two days.");
        input["customer"] = new { name = "Li Lei", contact, tier = "NORMAL" };
        return input;
    }

    private static async Task<string> NumberAsync(Desk desk, string id) =>
        (await desk.Admin.SendAsync(Operations.ReadOne, new { id })).Data.GetProperty("complaint").GetProperty("number").GetString()!;
}
