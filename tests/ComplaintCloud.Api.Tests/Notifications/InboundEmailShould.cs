using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Notifications;

/// <summary>Inbound e-mail as an intake channel (issue 14.5): raw RFC 822 messages POSTed with the shared secret.</summary>
[Collection(ApiFixture.Collection)]
public sealed class InboundEmailShould(ApiFixture api)
{
    private const string Complaints = "{ complaints { nodes { number channel category description customer { contact } evidence { kind } notes { text visibility } history { type } } } }";

    [Fact]
    public async Task TakeAnEmailToTheTenantsAddressAsAComplaintWithItsWordsAndAttachments()
    {
        var tenant = await api.SignUpAsync();

        var (status, answer) = await PostAsync(Message(tenant.Slug, "wang@example.com", "酒有问题", "酒有沉淀，颜色发暗。\n请尽快处理。", attachment: true));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("COMPLAINT_CREATED", answer.GetProperty("outcome").GetString());
        var complaint = Assert.Single(await ComplaintsAsync(tenant));
        Assert.Equal(("EMAIL", "other/email", "wang@example.com"), (
            complaint.GetProperty("channel").GetString(), complaint.GetProperty("category").GetString(), complaint.GetProperty("customer").GetProperty("contact").GetString()));
        Assert.Equal("酒有沉淀，颜色发暗。\n请尽快处理。", complaint.GetProperty("description").GetString()!.ReplaceLineEndings("\n").TrimEnd());
        Assert.Single(complaint.GetProperty("evidence").EnumerateArray());
    }

    [Fact]
    public async Task AddTheCustomersReplyAsANoteWhenTheSubjectNamesTheirComplaint()
    {
        var tenant = await api.SignUpAsync();
        var (_, first) = await PostAsync(Message(tenant.Slug, "wang@example.com", "酒有问题", "酒有沉淀"));
        var number = first.GetProperty("complaintNumber").GetString();

        var (status, answer) = await PostAsync(Message(tenant.Slug, "Wang@Example.com", $"Re: 已收到您的反馈（{number}）", "我明天下午在家。"));
        var (_, stranger) = await PostAsync(Message(tenant.Slug, "someone@else.example", $"Re: {number}", "Not mine."));

        Assert.Equal((HttpStatusCode.OK, "NOTE_ADDED", number), (status, answer.GetProperty("outcome").GetString(), answer.GetProperty("complaintNumber").GetString()));
        Assert.Equal("COMPLAINT_CREATED", stranger.GetProperty("outcome").GetString());
        var complaints = await ComplaintsAsync(tenant);
        var replied = complaints.Single(c => c.GetProperty("number").GetString() == number);
        var note = Assert.Single(replied.GetProperty("notes").EnumerateArray());
        Assert.Equal(("我明天下午在家。", "CUSTOMER_VISIBLE"), (note.GetProperty("text").GetString()!.TrimEnd(), note.GetProperty("visibility").GetString()));
        Assert.Contains("CUSTOMER_WROTE", replied.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
    }

    [Theory]
    [InlineData("wrong-secret", HttpStatusCode.Unauthorized)]
    [InlineData(ApiFixture.InboundSecret, HttpStatusCode.BadRequest)]
    public async Task RefuseAForgedOrMalformedMessageAndStoreNothing(string secret, HttpStatusCode expected)
    {
        var tenant = await api.SignUpAsync();

        var (status, _) = await PostAsync($"To: {tenant.Slug}@{ApiFixture.InboundDomain}\r\nSubject: no sender\r\n\r\nHello", secret);

        Assert.Equal(expected, status);
        Assert.Empty(await ComplaintsAsync(tenant));
    }

    [Fact]
    public async Task RefuseAnOversizedMessageAndStoreNothing()
    {
        var tenant = await api.SignUpAsync();

        var (status, _) = await PostAsync(Message(tenant.Slug, "wang@example.com", "big", new string('x', 300_000)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Empty(await ComplaintsAsync(tenant));
    }

    private static string Message(string slug, string from, string subject, string body, bool attachment = false)
    {
        var encodedSubject = $"=?UTF-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(subject))}?=";
        var text = Convert.ToBase64String(Encoding.UTF8.GetBytes(body));
        var head = $"From: Wang <{from}>\r\nTo: {slug}@{ApiFixture.InboundDomain}\r\nSubject: {encodedSubject}\r\nMIME-Version: 1.0\r\n";
        return attachment
            ? head + "Content-Type: multipart/mixed; boundary=b1\r\n\r\n"
                + $"--b1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n{text}\r\n"
                + "--b1\r\nContent-Type: image/jpeg\r\nContent-Disposition: attachment; filename=bottle.jpg\r\nContent-Transfer-Encoding: base64\r\n\r\n/9j/4AAQSkZJRg==\r\n--b1--\r\n"
            : head + $"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n{text}\r\n";
    }

    private async Task<(HttpStatusCode Status, JsonElement Answer)> PostAsync(string raw, string secret = ApiFixture.InboundSecret)
    {
        using var http = new HttpClient { BaseAddress = api.BaseAddress };
        using var content = new StringContent(raw, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/inbound/email") { Content = content };
        request.Headers.Add("X-Inbound-Secret", secret);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 && response.StatusCode == HttpStatusCode.OK ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }

    private static async Task<List<JsonElement>> ComplaintsAsync(SignedInTenant tenant)
    {
        var result = await tenant.Client.SendAsync(Complaints);
        result.AssertNoErrors();
        return [.. result.Data.GetProperty("complaints").GetProperty("nodes").EnumerateArray()];
    }
}
