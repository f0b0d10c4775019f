using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ComplaintCloud.Api.Tests.Transport;

public sealed class GraphQLHttpEndpointShould(TransportTestHost host, ITestOutputHelper output) : IClassFixture<TransportTestHost>
{
    private const string GraphQLResponse = "application/graphql-response+json";
    private const string Json = "application/json";

    [Fact]
    public async Task AnswerAPostedQuery()
    {
        using var response = await PostAsync("""{ "query": "{ hello }" }""", accept: GraphQLResponse);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{GraphQLResponse}; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("world", (await BodyAsync(response)).GetProperty("data").GetProperty("hello").GetString());
    }

    [Fact]
    public async Task AnswerAQueryOverGet()
    {
        using var response = await GetAsync("query=" + Uri.EscapeDataString("query Twice($n: Int!) { double(value: $n) }")
            + "&operationName=Twice&variables=" + Uri.EscapeDataString("""{ "n": 21 }"""), Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Json, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(42, (await BodyAsync(response)).GetProperty("data").GetProperty("double").GetInt32());
    }

    [Fact]
    public async Task RefuseAMutationOverGetWith405()
    {
        using var response = await GetAsync("query=" + Uri.EscapeDataString("""mutation { echo(text: "hi") }"""), GraphQLResponse);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        Assert.Equal("BAD_USER_INPUT", Code(await FirstErrorAsync(response)));
    }

    [Fact]
    public async Task RefuseOtherMethodsWith405()
    {
        using var response = await host.Client.PutAsync(host.GraphQLUri, JsonContent("""{ "query": "{ hello }" }"""));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("{ \"query\": ")]
    [InlineData("")]
    public async Task RejectMalformedJsonWith400(string body)
    {
        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BAD_USER_INPUT", Code(await FirstErrorAsync(response)));
    }

    [Theory]
    [InlineData("""{ "notquery": "{ hello }" }""")]
    [InlineData("""{ "query": 0 }""")]
    [InlineData("""[ { "query": "{ hello }" } ]""")]
    [InlineData("""{ "query": "{ hello }", "operationName": false }""")]
    public async Task RejectABodyWithoutAStringQueryWith400(string body)
    {
        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BAD_USER_INPUT", Code(await FirstErrorAsync(response)));
    }

    [Theory]
    [InlineData("variables", "\"n=1\"")]
    [InlineData("variables", "[1]")]
    [InlineData("extensions", "0")]
    public async Task RejectVariablesOrExtensionsThatAreNotAnObjectWith400(string parameter, string value)
    {
        using var response = await PostAsync($$"""{ "query": "{ hello }", "{{parameter}}": {{value}} }""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BAD_USER_INPUT", Code(await FirstErrorAsync(response)));
    }

    [Fact]
    public async Task ReportAWrongTypedVariableAsBadUserInputOnThatVariable()
    {
        using var response = await PostAsync(
            """{ "query": "query($n: Int!) { double(value: $n) }", "variables": { "n": "many" } }""", accept: GraphQLResponse);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await FirstErrorAsync(response);
        Assert.Equal("BAD_USER_INPUT", Code(error));
        Assert.Equal("n", error.GetProperty("extensions").GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("""{ "tone": "CALM" }""", "input.text")]
    [InlineData("""{ "text": "hi", "tone": "FURIOUS" }""", "input.tone")]
    public async Task ReportAnInvalidInputFieldAsBadUserInputOnItsPath(string input, string field)
    {
        using var response = await PostAsync(
            $$"""{ "query": "mutation($input: ShoutInput!) { shout(input: $input) }", "variables": { "input": {{input}} } }""");

        var error = await FirstErrorAsync(response);
        Assert.Equal("BAD_USER_INPUT", Code(error));
        Assert.Equal(field, error.GetProperty("extensions").GetProperty("field").GetString());
    }

    [Fact]
    public async Task ReportAWrongArgumentLiteralAsBadUserInputOnThatArgument()
    {
        using var response = await PostAsync("""{ "query": "{ double(value: \"two\") }" }""");

        var error = await FirstErrorAsync(response);
        Assert.Equal("BAD_USER_INPUT", Code(error));
        Assert.Equal("value", error.GetProperty("extensions").GetProperty("field").GetString());
    }

    [Theory]
    [InlineData(GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData(Json, HttpStatusCode.OK)]
    public async Task ReportAnUnknownFieldAsBadUserInput(string accept, HttpStatusCode status)
    {
        using var response = await PostAsync("""{ "query": "{ nonsense }" }""", accept: accept);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(accept, response.Content.Headers.ContentType?.MediaType);
        var body = await BodyAsync(response);
        Assert.False(body.TryGetProperty("data", out _));
        var extensions = body.GetProperty("errors")[0].GetProperty("extensions");
        Assert.Equal("BAD_USER_INPUT", extensions.GetProperty("code").GetString());
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", extensions.GetProperty("details").GetString());
    }

    [Fact]
    public async Task ReportADomainExceptionWithItsCodeAndField()
    {
        using var response = await PostAsync("""{ "query": "{ hello fail }" }""", accept: GraphQLResponse);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await BodyAsync(response);
        Assert.Equal("world", body.GetProperty("data").GetProperty("hello").GetString());
        var error = body.GetProperty("errors")[0];
        Assert.Equal("A closed complaint cannot be reopened.", error.GetProperty("message").GetString());
        Assert.Equal("INVALID_TRANSITION", Code(error));
        Assert.Equal("input.status", error.GetProperty("extensions").GetProperty("field").GetString());
        Assert.Equal("fail", error.GetProperty("path")[0].GetString());
    }

    [Fact]
    public async Task ReportAnUnhandledExceptionAsInternalWithoutLeakingIt()
    {
        using var response = await PostAsync("""{ "query": "{ boom }" }""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(TestSchema.LeakedSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperation", text, StringComparison.Ordinal);
        Assert.Equal("INTERNAL", Code(JsonDocument.Parse(text).RootElement.GetProperty("errors")[0]));
        Assert.Contains(host.Logs.Entries, entry =>
            entry.Level == LogLevel.Error && entry.Exception?.Message.Contains(TestSchema.LeakedSecret, StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData(null, Json)]
    [InlineData("*/*", Json)]
    [InlineData("application/*", Json)]
    [InlineData("application/json", Json)]
    [InlineData("application/graphql-response+json", GraphQLResponse)]
    [InlineData("application/graphql-response+json, application/json;q=0.9", GraphQLResponse)]
    [InlineData("application/graphql-response+json;q=0.5, application/json", Json)]
    [InlineData("text/html, */*;q=0.8", Json)]
    public async Task NegotiateTheResponseMediaType(string? accept, string expected)
    {
        using var response = await PostAsync("""{ "query": "{ hello }" }""", accept: accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
    }

    [Fact]
    public async Task Answer406WhenNoJsonIsAcceptable()
    {
        using var response = await PostAsync("""{ "query": "{ hello }" }""", accept: "text/plain, application/json;q=0");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("BAD_USER_INPUT", Code(await FirstErrorAsync(response)));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/json; charset=latin1")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Answer415ForAnUnsupportedContentType(string contentType)
    {
        using var content = new StringContent("""{ "query": "{ hello }" }""", Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await host.Client.PostAsync(host.GraphQLUri, content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("BAD_USER_INPUT", Code(await FirstErrorAsync(response)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Answer413ForAnOversizedBody(bool chunked)
    {
        var padding = new string(' ', TransportTestHost.MaxRequestBytes);
        using var content = JsonContent($$"""{ "query": "{ hello }"{{padding}} }""");
        using var request = new HttpRequestMessage(HttpMethod.Post, host.GraphQLUri) { Content = content };
        request.Headers.TransferEncodingChunked = chunked;
        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("BAD_USER_INPUT", Code(await FirstErrorAsync(response)));
    }

    [Fact]
    public async Task ServeGraphiQLToABrowser()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, host.GraphQLUri);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        // The console's build of GraphiQL, or the note saying how to build it; its assets are tested with the console.
        Assert.Contains("<title>ComplaintCloud GraphiQL</title>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PassTheGraphQLOverHttpAuditWithoutWarnings()
    {
        var report = await GraphQLHttpAudit.RunAsync(host.GraphQLUri);
        output.WriteLine(report.Output);

        Assert.True(report.ExitCode == 0, report.Output);
        Assert.Matches(@"\d+ ok, 0 notice, 0 warn, 0 error", report.Output);
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, host.GraphQLUri) { Content = JsonContent(body) };
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await host.Client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> GetAsync(string queryString, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.GraphQLUri, "?" + queryString));
        request.Headers.Accept.ParseAdd(accept);
        return await host.Client.SendAsync(request);
    }

    private static StringContent JsonContent(string body) => new(body, Encoding.UTF8, Json);

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<JsonElement> FirstErrorAsync(HttpResponseMessage response) =>
        (await BodyAsync(response)).GetProperty("errors")[0];

    private static string? Code(JsonElement error) => error.GetProperty("extensions").GetProperty("code").GetString();
}
