using System.Net;
using System.Text.Json;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Hosting;

[Collection(ApiFixture.Collection)]
public sealed class HealthShould(ApiFixture api)
{
    [Fact]
    public async Task AnswerHealthzToAnyoneWhileTheProcessRuns()
    {
        var (status, body) = await GetAsync(api.Client().Http, "/healthz");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnswerReadyzNamingTheDatabaseMigrationsPluginsAndScheduler()
    {
        var (status, body) = await GetAsync(api.Client().Http, "/readyz");

        Assert.Equal(HttpStatusCode.OK, status);
        var checks = body.GetProperty("checks");
        Assert.Equal(["database", "migrations", "plugins", "scheduler"], checks.EnumerateObject().Select(check => check.Name).Order());
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("migrations").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("scheduler").GetProperty("status").GetString());
        Assert.NotEqual("Unhealthy", checks.GetProperty("plugins").GetProperty("status").GetString());
    }

    [Fact]
    public async Task ReportNotReadyWithoutAnyPolicyPlugin()
    {
        var emptyFolder = Directory.CreateTempSubdirectory("no-plugins-");
        try
        {
            await using var node = api.Variant("Testing", ("Plugins:Path", emptyFolder.FullName));
            using var http = node.CreateClient();

            var (status, body) = await GetAsync(http, "/readyz");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("Unhealthy", body.GetProperty("checks").GetProperty("plugins").GetProperty("status").GetString());
            Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        }
        finally
        {
            emptyFolder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task RevealNoTenantInItsAnswers()
    {
        var tenant = await api.SignUpAsync();

        var (_, live) = await GetAsync(api.Client().Http, "/healthz");
        var (_, ready) = await GetAsync(api.Client().Http, "/readyz");

        Assert.DoesNotContain(tenant.Slug, live.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(tenant.Slug, ready.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(tenant.TenantId, ready.GetRawText(), StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
