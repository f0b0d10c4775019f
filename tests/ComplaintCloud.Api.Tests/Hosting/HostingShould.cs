using ComplaintCloud.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ComplaintCloud.Api.Tests.Hosting;

[Collection(ApiFixture.Collection)]
public sealed class HostingShould(ApiFixture api)
{
    [Fact]
    public async Task RefuseToStartInProductionWithoutASigningKey()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Production");
            host.UseSetting("ConnectionStrings:ComplaintCloud", api.ConnectionString);
            host.UseSetting("Auth:SigningKey", "");
        });

        var error = Assert.Throws<InvalidOperationException>(() => factory.Services);

        Assert.Contains("Auth:SigningKey", error.Message, StringComparison.Ordinal);
    }
}
