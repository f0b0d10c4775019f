using System.Net.Http.Headers;
using ComplaintCloud.Infrastructure.Data.Security;
using ComplaintCloud.IntegrationTests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ComplaintCloud.Api.Tests.Support;

/// <summary>
/// The real service (its own Program) on Kestrel at a loopback port, over a throwaway PostgreSQL database, shared by
/// every test in the "api" collection. Tests keep apart by signing up a fresh tenant each.
/// </summary>
public class ApiFixture : IAsyncLifetime
{
    public const string Collection = "api";
    public const string SigningKey = "test-signing-key-that-is-long-enough-0123456789";
    public const string PlatformAdminKey = "test-platform-admin-key-0123456789";

    private readonly PostgresFixture _postgres = new();
    private WebApplicationFactory<Program>? _factory;

    /// <summary>The service's own connection: the ordinary runtime role that row-level security binds.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>The schema owner's connection, which only migrates.</summary>
    public string MigrationsConnectionString { get; private set; } = "";

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Inbound e-mail: tenants receive at <c>&lt;slug&gt;@</c> this domain, posted with this secret.</summary>
    public const string InboundDomain = "inbound.test";
    public const string InboundSecret = "inbound-shared-secret";

    /// <summary>The running service's container, for tests that inspect what it built (the schema).</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("Not started.");

    public virtual async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        var connections = await _postgres.CreateSecuredDatabaseAsync("api");
        (ConnectionString, MigrationsConnectionString) = (connections.Runtime, connections.Migrations);
        _factory = Variant("Testing",
            // Every test calls from 127.0.0.1; the limits have tests of their own.
            ("RateLimits:PerIpPerMinute", "1000000"),
            ("RateLimits:PerTenantPerMinute", "1000000"),
            ("Notifications:Inbound:Domain", InboundDomain),
            ("Notifications:Inbound:Secret", InboundSecret),
            ("Notifications:Inbound:MaxBytes", "200000"),
            // Unset, the service takes port 5080, which a running ./run.sh holds.
            ("Urls", "http://127.0.0.1:0"))
            .WithWebHostBuilder(Configure);
        _factory.UseKestrel(0);
        _factory.StartServer();
        using var client = _factory.CreateClient();
        BaseAddress = client.BaseAddress!;
    }

    public virtual async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await _postgres.DisposeAsync();
    }

    /// <summary>More settings for a fixture that runs the service differently (billing on, say).</summary>
    protected virtual void Configure(IWebHostBuilder host)
    {
    }

    /// <summary>
    /// Another instance of the service, in memory, over the same database and signing key: for tests of settings the
    /// shared instance does not have. Dispose it.
    /// </summary>
    public WebApplicationFactory<Program> Variant(string environment, params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment(environment);
            host.UseSetting("ConnectionStrings:ComplaintCloud", ConnectionString);
            host.UseSetting("ConnectionStrings:ComplaintCloudMigrations", MigrationsConnectionString);
            host.UseSetting("Auth:SigningKey", SigningKey);
            host.UseSetting("Tenants:ProvisionDemo", "false");
            host.UseSetting("Platform:AdminKey", PlatformAdminKey);
            foreach (var (key, value) in settings)
            {
                host.UseSetting(key, value);
            }
        });

    /// <summary>Another database on the same server, with both roles, for tests that migrate on their own.</summary>
    public Task<DatabaseConnections> CreateSecuredDatabaseAsync(string prefix) => _postgres.CreateSecuredDatabaseAsync(prefix);

    /// <summary>A client speaking real HTTP to the running service.</summary>
    public GraphQLClient Client(string? token = null)
    {
        var http = new HttpClient { BaseAddress = BaseAddress };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return new GraphQLClient(http);
    }

    /// <summary>Signs up a new tenant on the policy and returns a client signed in as its admin.</summary>
    public async Task<SignedInTenant> SignUpAsync(string policyId = "general-enterprise")
    {
        var slug = "t-" + Guid.NewGuid().ToString("N")[..12];
        var result = await Client().SendAsync(
            """
            mutation($input: SignUpInput!) { signUp(input: $input) { token tenant { id slug } user { id email } } }
            """,
            new { input = new { companyName = "Test " + slug, slug, adminEmail = $"admin@{slug}.example", adminPassword = "a-long-password", policyId } });
        result.AssertNoErrors();
        var payload = result.Data.GetProperty("signUp");
        return new SignedInTenant(slug, payload.GetProperty("tenant").GetProperty("id").GetString()!, $"admin@{slug}.example", Client(payload.GetProperty("token").GetString()));
    }
}

public sealed record SignedInTenant(string Slug, string TenantId, string AdminEmail, GraphQLClient Client);

[CollectionDefinition(ApiFixture.Collection)]
public sealed class ApiCollectionDefinition : ICollectionFixture<ApiFixture>;
