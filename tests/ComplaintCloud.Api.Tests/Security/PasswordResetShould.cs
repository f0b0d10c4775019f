using System.Text.Json;
using System.Web;
using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Notifications;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ComplaintCloud.Api.Tests.Security;

/// <summary>Issue 19: a forgotten password is reset by a one-time link, sent as a PASSWORD_RESET outbox message by e-mail.</summary>
[Collection(ApiFixture.Collection)]
public sealed class PasswordResetShould(ApiFixture api)
{
    private const string Request = "mutation($i: RequestPasswordResetInput!) { requestPasswordReset(input: $i) }";
    private const string Reset = "mutation($i: ResetPasswordInput!) { resetPassword(input: $i) { token user { email } } }";

    [Fact]
    public async Task SendAOneTimeLinkToTheUsersEMailThatSetsANewPasswordAndEndsEarlierTokens()
    {
        var tenant = await api.SignUpAsync();

        (await api.Client().SendAsync(Request, new { i = new { tenantSlug = tenant.Slug, email = tenant.AdminEmail.ToUpperInvariant() } })).AssertNoErrors();

        var message = Assert.Single(await OutboxAsync(tenant));
        Assert.Equal(("email", tenant.AdminEmail), (message.Channel, message.Recipient));
        var token = TokenOf(message);
        var reset = await api.Client().SendAsync(Reset, new { i = new { tenantSlug = tenant.Slug, token, newPassword = "a-new-long-password" } });
        reset.AssertNoErrors();
        Assert.Equal(tenant.AdminEmail, reset.Data.GetProperty("resetPassword").GetProperty("user").GetProperty("email").GetString());
        Assert.Equal("UNAUTHENTICATED", (await tenant.Client.SendAsync("{ me { email } }")).FirstErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await LogInAsync(tenant, "a-long-password")).FirstErrorCode);
        (await LogInAsync(tenant, "a-new-long-password")).AssertNoErrors();
    }

    [Fact]
    public async Task AcceptAResetLinkOnceOnly()
    {
        var tenant = await api.SignUpAsync();
        (await api.Client().SendAsync(Request, new { i = new { tenantSlug = tenant.Slug, email = tenant.AdminEmail } })).AssertNoErrors();
        var token = TokenOf(Assert.Single(await OutboxAsync(tenant)));
        (await api.Client().SendAsync(Reset, new { i = new { tenantSlug = tenant.Slug, token, newPassword = "a-new-long-password" } })).AssertNoErrors();

        var again = await api.Client().SendAsync(Reset, new { i = new { tenantSlug = tenant.Slug, token, newPassword = "a-third-long-password" } });

        Assert.Equal(("BAD_USER_INPUT", "input.token"), (again.FirstErrorCode, again.FirstErrorField));
        (await LogInAsync(tenant, "a-new-long-password")).AssertNoErrors();
    }

    [Fact]
    public async Task KeepOnlyTheHashOfTheLinksSecret()
    {
        var tenant = await api.SignUpAsync();
        (await api.Client().SendAsync(Request, new { i = new { tenantSlug = tenant.Slug, email = tenant.AdminEmail } })).AssertNoErrors();
        var secret = TokenOf(Assert.Single(await OutboxAsync(tenant))).Split('.')[1];

        await using var scope = api.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(Guid.Parse(tenant.TenantId));
        var stored = await scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>().Users.Select(u => u.PasswordResetHash).SingleAsync();

        Assert.NotNull(stored);
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefuseALinkOlderThanAnHour()
    {
        var tenant = await api.SignUpAsync();
        var clock = new MovableClock(SystemClock.Instance.GetCurrentInstant());
        await using var variant = api.Variant("Testing");
        using var http = variant.WithWebHostBuilder(host => host.ConfigureTestServices(services => services.AddSingleton<IClock>(clock))).CreateClient();
        var anonymous = new GraphQLClient(http);
        (await anonymous.SendAsync(Request, new { i = new { tenantSlug = tenant.Slug, email = tenant.AdminEmail } })).AssertNoErrors();
        var token = TokenOf(Assert.Single(await OutboxAsync(tenant)));

        clock.Now += Duration.FromMinutes(60);
        var late = await anonymous.SendAsync(Reset, new { i = new { tenantSlug = tenant.Slug, token, newPassword = "a-new-long-password" } });

        Assert.Equal(("BAD_USER_INPUT", "input.token"), (late.FirstErrorCode, late.FirstErrorField));
        (await LogInAsync(tenant, "a-long-password")).AssertNoErrors();
    }

    [Fact]
    public async Task AnswerTheSameForAnUnknownAddressAndSendNothing()
    {
        var tenant = await api.SignUpAsync();

        var result = await api.Client().SendAsync(Request, new { i = new { tenantSlug = tenant.Slug, email = "nobody@example.com" } });

        result.AssertNoErrors();
        Assert.True(result.Data.GetProperty("requestPasswordReset").GetBoolean());
        Assert.Empty(await OutboxAsync(tenant));
    }

    private async Task<List<OutboxMessage>> OutboxAsync(SignedInTenant tenant)
    {
        await using var scope = api.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(Guid.Parse(tenant.TenantId));
        return await scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Topic == "PASSWORD_RESET").ToListAsync();
    }

    /// <summary>The token in the message's link, <c>…?tenant=…&amp;token=…</c>.</summary>
    private static string TokenOf(OutboxMessage message)
    {
        var link = new Uri(JsonDocument.Parse(message.Payload).RootElement.GetProperty("link").GetString()!);
        return HttpUtility.ParseQueryString(link.Query)["token"]!;
    }

    private Task<GraphQLResult> LogInAsync(SignedInTenant tenant, string password) =>
        api.Client().SendAsync("mutation($i: LogInInput!) { logIn(input: $i) { token } }", new { i = new { tenantSlug = tenant.Slug, email = tenant.AdminEmail, password } });

    private sealed class MovableClock(Instant now) : IClock
    {
        public Instant Now { get; set; } = now;

        public Instant GetCurrentInstant() => Now;
    }
}
