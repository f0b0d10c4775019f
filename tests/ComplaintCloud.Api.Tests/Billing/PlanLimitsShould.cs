using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Application.Billing;
using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ComplaintCloud.Api.Tests.Billing;

/// <summary>
/// Each plan limit where it bites; seats and API keys on <see cref="BillingGate"/>, which invitations and API keys call.
/// </summary>
[Collection(BillingApiFixture.Collection)]
public sealed class PlanLimitsShould(BillingApiFixture api)
{
    [Fact]
    public async Task RefuseAnAgentsComplaintOverTheMonthlyLimitWithPlanLimitAndTheLimitInExtensions()
    {
        var tenant = await TenantWithFreeMonthUsedUpAsync();

        var refused = await tenant.Client.SendAsync(Operations.Submit, Operations.CalmMalfunction());

        Assert.Equal("PLAN_LIMIT", refused.FirstErrorCode);
        var extensions = refused.Errors[0].GetProperty("extensions");
        Assert.Equal("FREE", extensions.GetProperty("plan").GetString());
        var limit = extensions.GetProperty("limit");
        Assert.Equal("complaintsPerMonth", limit.GetProperty("name").GetString());
        Assert.Equal(BillingApiFixture.FreeComplaintsPerMonth, limit.GetProperty("max").GetInt32());
        Assert.Equal(BillingApiFixture.FreeComplaintsPerMonth, limit.GetProperty("used").GetInt32());
        var count = await tenant.Client.SendAsync(Operations.Count);
        Assert.Equal(BillingApiFixture.FreeComplaintsPerMonth, count.Data.GetProperty("complaints").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task TakeMoreComplaintsOnceAPaidPlanIsActive()
    {
        var tenant = await TenantWithFreeMonthUsedUpAsync();
        await tenant.SubscribeAsync("active");

        var taken = await tenant.Client.SendAsync(Operations.Submit, Operations.CalmMalfunction());

        taken.AssertNoErrors();
        var usage = (await tenant.BillingAsync()).GetProperty("usage").EnumerateArray().Single(u => u.GetProperty("limit").GetString() == "complaintsPerMonth");
        Assert.Equal(3, usage.GetProperty("used").GetInt32());
        Assert.Equal(2000, usage.GetProperty("max").GetInt32());
    }

    [Fact]
    public async Task TakeAPublicComplaintOverTheLimitFlaggedAndTellTheTenantToUpgrade()
    {
        var tenant = await TenantWithFreeMonthUsedUpAsync();

        var taken = await api.Client().SendAsync(Operations.PublicSubmit, Operations.PublicComplaint(), PublicHeaders(tenant));
        var latest = await tenant.Client.SendAsync("{ complaints(first: 1) { totalCount nodes { history { type } } } }");

        taken.AssertNoErrors();
        Assert.Equal(BillingApiFixture.FreeComplaintsPerMonth + 1, latest.Data.GetProperty("complaints").GetProperty("totalCount").GetInt32());
        Assert.Contains(
            latest.Data.GetProperty("complaints").GetProperty("nodes")[0].GetProperty("history").EnumerateArray(),
            e => e.GetProperty("type").GetString() == "OVER_PLAN_LIMIT");
        Assert.Contains((await tenant.BillingAsync()).GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("Upgrade", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StillReceivePublicComplaintsButRefuseWorkOnAReadOnlyDesk()
    {
        var tenant = await BillingTenant.SignUpAsync(api);
        (await tenant.Client.SendAsync(Operations.Submit, Operations.CalmMalfunction())).AssertNoErrors();
        await tenant.SubscribeAsync("canceled");

        var publicIntake = await api.Client().SendAsync(Operations.PublicSubmit, Operations.PublicComplaint(), PublicHeaders(tenant));
        var agentIntake = await tenant.Client.SendAsync(Operations.Submit, Operations.CalmMalfunction());
        var selectPolicy = await tenant.Client.SendAsync(
            "mutation($input: SelectPolicyInput!) { selectPolicy(input: $input) { slug } }", new { input = new { policyId = "winery" } });
        var read = await tenant.Client.SendAsync("{ complaints { totalCount nodes { description } } }");

        publicIntake.AssertNoErrors();
        Assert.Equal("PLAN_LIMIT", agentIntake.FirstErrorCode);
        Assert.Equal("writable", agentIntake.Errors[0].GetProperty("extensions").GetProperty("limit").GetProperty("name").GetString());
        Assert.Equal("CANCELED", agentIntake.Errors[0].GetProperty("extensions").GetProperty("limit").GetProperty("billingStatus").GetString());
        Assert.Equal("PLAN_LIMIT", selectPolicy.FirstErrorCode);
        read.AssertNoErrors();
        Assert.Equal(2, read.Data.GetProperty("complaints").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task RefuseASeatBeyondThePlansSeats()
    {
        var tenant = await BillingTenant.SignUpAsync(api);
        var tenantId = Guid.Parse(tenant.Id);
        await WithGateAsync(tenant, gate => gate.EnsureSeatAvailableAsync(tenantId, CancellationToken.None));
        await WithScopeAsync(tenant, async services =>
        {
            var db = services.GetRequiredService<ComplaintCloudDbContext>();
            db.Users.Add(User.Create(tenantId, $"agent@{tenant.Id}.example", "a-long-password", [PlatformRoles.Agent], p => p, SystemClock.Instance.GetCurrentInstant(), "input."));
            return await db.SaveChangesAsync();
        });

        var refused = await Assert.ThrowsAsync<DomainException>(() => WithGateAsync(tenant, gate => gate.EnsureSeatAvailableAsync(tenantId, CancellationToken.None)));

        Assert.Equal(ErrorCode.PlanLimit, refused.Code);
        Assert.Equal(BillingApiFixture.FreeAgentSeats, LimitOf(refused)["max"]);
    }

    [Fact]
    public async Task FreeTheSeatOfADeactivatedUser()
    {
        var tenant = await BillingTenant.SignUpAsync(api);
        var tenantId = Guid.Parse(tenant.Id);
        var now = SystemClock.Instance.GetCurrentInstant();
        await WithScopeAsync(tenant, async services =>
        {
            var db = services.GetRequiredService<ComplaintCloudDbContext>();
            var agents = Enumerable.Range(1, BillingApiFixture.FreeAgentSeats - 1)
                .Select(i => User.Create(tenantId, $"agent{i}@{tenant.Id}.example", "a-long-password", [PlatformRoles.Agent], p => p, now, "input.")).ToList();
            db.Users.AddRange(agents);
            agents[0].Deactivate(now);
            return await db.SaveChangesAsync();
        });

        var allowed = await Record.ExceptionAsync(() => WithGateAsync(tenant, gate => gate.EnsureSeatAvailableAsync(tenantId, CancellationToken.None)));

        Assert.Null(allowed);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(BillingApiFixture.TeamPrice, false)]
    [InlineData(BillingApiFixture.BusinessPrice, true)]
    public async Task AllowCustomPoliciesAndApiKeysOnlyOnPlansThatIncludeThem(string? price, bool allowed)
    {
        var tenant = await BillingTenant.SignUpAsync(api);
        if (price is not null)
        {
            await tenant.SubscribeAsync("active", price);
        }

        var tenantId = Guid.Parse(tenant.Id);
        var builtIn = await Record.ExceptionAsync(() => WithGateAsync(tenant, gate => gate.EnsurePolicyAllowedAsync(tenantId, "winery", CancellationToken.None)));
        var custom = await Record.ExceptionAsync(() => WithGateAsync(tenant, gate => gate.EnsurePolicyAllowedAsync(tenantId, "acme-declarative", CancellationToken.None)));
        var apiKeys = await Record.ExceptionAsync(() => WithGateAsync(tenant, gate => gate.EnsureApiKeysAllowedAsync(tenantId, CancellationToken.None)));

        Assert.Null(builtIn);
        Assert.Equal(allowed, custom is null);
        Assert.Equal(allowed, apiKeys is null);
        if (!allowed)
        {
            Assert.Equal("customPolicy", LimitOf((DomainException)custom!)["name"]);
            Assert.Equal("apiKeys", LimitOf((DomainException)apiKeys!)["name"]);
        }
    }

    private async Task<BillingTenant> TenantWithFreeMonthUsedUpAsync()
    {
        var tenant = await BillingTenant.SignUpAsync(api);
        for (var i = 0; i < BillingApiFixture.FreeComplaintsPerMonth; i++)
        {
            (await tenant.Client.SendAsync(Operations.Submit, Operations.CalmMalfunction())).AssertNoErrors();
        }

        return tenant;
    }

    private static IReadOnlyDictionary<string, object?> LimitOf(DomainException exception) =>
        (IReadOnlyDictionary<string, object?>)exception.Extensions["limit"]!;

    private Task<T> WithGateAsync<T>(BillingTenant tenant, Func<BillingGate, Task<T>> use) =>
        WithScopeAsync(tenant, services => use(services.GetRequiredService<BillingGate>()));

    private Task<bool> WithGateAsync(BillingTenant tenant, Func<BillingGate, Task> use) =>
        WithScopeAsync(tenant, async services =>
        {
            await use(services.GetRequiredService<BillingGate>());
            return true;
        });

    /// <summary>A DI scope acting for the tenant, as background work and public intake have.</summary>
    private async Task<T> WithScopeAsync<T>(BillingTenant tenant, Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = api.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(Guid.Parse(tenant.Id));
        return await use(scope.ServiceProvider);
    }

    private static Dictionary<string, string> PublicHeaders(BillingTenant tenant) => new() { ["X-Tenant"] = tenant.Slug };
}
