using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ComplaintCloud.Api.Tests.Support;

/// <summary>Sends GraphQL requests over HTTP and reads the responses as JSON.</summary>
public sealed class GraphQLClient(HttpClient http)
{
    public HttpClient Http => http;

    public async Task<GraphQLResult> SendAsync(string query, object? variables = null, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables }),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }

        return await ReadAsync(await http.SendAsync(request));
    }

    public Task<GraphQLResult> SendRawAsync(string body, string contentType = "application/json") =>
        SendBytesAsync(Encoding.UTF8.GetBytes(body), contentType);

    /// <summary>Posts the bytes as they are, for bodies no string can hold (invalid UTF-8).</summary>
    public async Task<GraphQLResult> SendBytesAsync(byte[] body, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        return await ReadAsync(await http.SendAsync(request));
    }

    private static async Task<GraphQLResult> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
            return new GraphQLResult(response.StatusCode, json, text);
        }
    }
}

public sealed record GraphQLResult(HttpStatusCode Status, JsonElement Body, string Text)
{
    public JsonElement Data => Body.GetProperty("data");

    public IReadOnlyList<JsonElement> Errors =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("errors", out var errors) ? errors.EnumerateArray().ToList() : [];

    public string? FirstErrorCode => Errors.Count == 0 ? null : Errors[0].GetProperty("extensions").GetProperty("code").GetString();

    public string? FirstErrorField =>
        Errors.Count > 0 && Errors[0].GetProperty("extensions").TryGetProperty("field", out var path) ? path.GetString() : null;

    public void AssertNoErrors() => Assert.True(Errors.Count == 0 && Status == HttpStatusCode.OK, $"Expected success, got {(int)Status}: {Text}");
}
