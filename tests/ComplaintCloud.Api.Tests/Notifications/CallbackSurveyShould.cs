using ComplaintCloud.Api.Tests.Lifecycle;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Notifications;

/// <summary>The callback survey (issue 14.3, SPEC §2.10) reaches the customer's mailbox through the service's own outbox.</summary>
[Collection(MailApiFixture.Collection)]
public sealed class CallbackSurveyShould(MailApiFixture api)
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Ask_the_customer_once_to_score_the_handling_when_the_complaint_is_resolved()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (supervisor, _) = await desk.UserAsync("CS_SUPERVISOR");
        var contact = $"c{Guid.NewGuid():N}@example.com";
        var input = Operations.CalmMalfunctionInput("The kettle stopped heating after two days.");
        input["customer"] = new { name = "Li Lei", contact, tier = "NORMAL" };
        var id = await desk.SubmitAsync(input);
        await Desk.ToPlanProposedAsync(supervisor, id);
        await Desk.ExecuteAsync(supervisor, id, await Desk.DoAsync(supervisor, "approvePlan", id));
        var read = await desk.Admin.SendAsync("query($id: ID!) { complaint(id: $id) { number } }", new { id });
        var number = read.Data.GetProperty("complaint").GetProperty("number").GetString();

        await api.Mail.WaitForAsync(contact, m => m.Subject == $"Your feedback {number} is resolved", Delivery);
        var received = await api.Mail.WaitForAsync(contact, m => m.Subject == $"How did we handle {number}?", Delivery);

        var survey = Assert.Single(received, m => m.Subject == $"How did we handle {number}?");
        Assert.Contains($"are you satisfied with how we handled {number}? When we call you back, please rate the outcome, our attitude, speed and professionalism from 1 to 5.", survey.TextBody, StringComparison.Ordinal);
    }
}
