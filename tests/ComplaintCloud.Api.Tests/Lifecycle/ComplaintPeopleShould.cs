using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Lifecycle;

/// <summary>A complaint page shows its owner and handlers by name and offers whom to hand it over to (issue 12).</summary>
[Collection(ApiFixture.Collection)]
public sealed class ComplaintPeopleShould(ApiFixture api)
{
    private const string People = """
        query($id: ID!) { complaint(id: $id) { owner { id } handlers { id } handOverCandidates { id roles } } }
        """;

    // Seed 004: the first responder owns it until a formal handover; everyone who owned it stays a handler.
    [Fact]
    public async Task Name_the_owner_and_every_handler_in_the_order_they_took_it()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (first, firstId) = await desk.UserAsync("AGENT");
        var (_, secondId) = await desk.UserAsync("AGENT");
        var id = await desk.SubmitAsync();
        await Desk.DoAsync(first, "assignComplaint", id);
        await Desk.DoAsync(first, "handOverComplaint", id, new { newOwnerId = secondId, reason = "Going on leave." });

        var complaint = await ReadAsync(desk.Admin, id);

        Assert.Equal(secondId, complaint.GetProperty("owner").GetProperty("id").GetString());
        Assert.Equal([firstId, secondId], complaint.GetProperty("handlers").EnumerateArray().Select(h => h.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Offer_the_hand_over_to_everyone_who_may_work_complaints_but_the_owner()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (owner, ownerId) = await desk.UserAsync("AGENT");
        var (_, supervisorId) = await desk.UserAsync("CS_SUPERVISOR");
        var (_, viewerId) = await desk.UserAsync("VIEWER");
        var id = await desk.SubmitAsync();
        await Desk.DoAsync(owner, "assignComplaint", id);

        var candidates = await CandidatesAsync(owner, id);

        Assert.Contains(supervisorId, candidates);
        Assert.DoesNotContain(ownerId, candidates);
        Assert.DoesNotContain(viewerId, candidates);
    }

    [Fact]
    public async Task Not_offer_the_hand_over_to_a_deactivated_user()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (owner, _) = await desk.UserAsync("AGENT");
        var (_, activeId) = await desk.UserAsync("AGENT");
        var (_, leftId) = await desk.UserAsync("AGENT");
        (await desk.Admin.SendAsync("mutation($i: UserIdInput!) { deactivateUser(input: $i) { id } }", new { i = new { userId = leftId } })).AssertNoErrors();
        var id = await desk.SubmitAsync();
        await Desk.DoAsync(owner, "assignComplaint", id);

        var candidates = await CandidatesAsync(owner, id);

        Assert.Contains(activeId, candidates);
        Assert.DoesNotContain(leftId, candidates);
    }

    private static async Task<List<string?>> CandidatesAsync(GraphQLClient client, string id) =>
        [.. (await ReadAsync(client, id)).GetProperty("handOverCandidates").EnumerateArray().Select(u => u.GetProperty("id").GetString())];

    private static async Task<System.Text.Json.JsonElement> ReadAsync(GraphQLClient client, string id)
    {
        var result = await client.SendAsync(People, new { id });
        result.AssertNoErrors();
        return result.Data.GetProperty("complaint");
    }
}
