using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using ComplaintCloud.Application.Notifications;
using ComplaintCloud.Application.Tenants;
using ComplaintCloud.Domain.Clocks;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Notifications;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.IntegrationTests.Clocks;
using ComplaintCloud.Infrastructure.Notifications;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NodaTime;
using NodaTime.Testing;

namespace ComplaintCloud.IntegrationTests.Notifications;

/// <summary>E-mail to customers and staff (issue 14.1, 14.4) through a real SMTP server on 127.0.0.1.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class EmailChannelShould(PostgresFixture postgres) : IAsyncLifetime, IDisposable
{
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 23, 2, 0));
    private readonly SmtpSink _relay = new();
    private readonly SmtpSink _tenantRelay = new();
    private readonly string _ownRelaySlug = "own-" + Guid.NewGuid().ToString("N")[..12];
    private static readonly X509Certificate2 RelayCertificate = SmtpSink.SelfSignedCertificate();
    private readonly SmtpSink _startTlsRelay = new(RelayCertificate);
    private readonly SmtpSink _implicitTlsRelay = new(RelayCertificate, implicitTls: true);
    private readonly string _startTlsSlug = "tls-" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _implicitTlsSlug = "ssl-" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _unpinnedSlug = "unpinned-" + Guid.NewGuid().ToString("N")[..12];
    private SlaInstance _instance = null!;

    public async Task InitializeAsync() =>
        _instance = await SlaInstance.CreateAsync(await postgres.CreateSecuredDatabaseAsync("notify_email"), _clock, "notify-email", configure: services =>
            services.AddNotifications(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Notifications:Email:Host"] = "127.0.0.1",
                ["Notifications:Email:Port"] = _relay.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Notifications:Email:Security"] = "None",
                ["Notifications:Email:UserName"] = "relay-user",
                ["Notifications:Email:Password"] = "relay-secret",
                ["Notifications:Email:From"] = "desk@complaintcloud.example",
                [$"Notifications:Email:Tenants:{_ownRelaySlug}:Port"] = _tenantRelay.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [$"Notifications:Email:Tenants:{_ownRelaySlug}:From"] = "kefu@winery.example",
                [$"Notifications:Email:Tenants:{_startTlsSlug}:Port"] = _startTlsRelay.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [$"Notifications:Email:Tenants:{_startTlsSlug}:Security"] = "StartTls",
                [$"Notifications:Email:Tenants:{_startTlsSlug}:CertificateThumbprint"] = SmtpSink.Thumbprint(RelayCertificate),
                [$"Notifications:Email:Tenants:{_implicitTlsSlug}:Port"] = _implicitTlsRelay.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [$"Notifications:Email:Tenants:{_implicitTlsSlug}:Security"] = "SslOnConnect",
                [$"Notifications:Email:Tenants:{_implicitTlsSlug}:CertificateThumbprint"] = SmtpSink.Thumbprint(RelayCertificate),
                [$"Notifications:Email:Tenants:{_unpinnedSlug}:Port"] = _startTlsRelay.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [$"Notifications:Email:Tenants:{_unpinnedSlug}:Security"] = "StartTls",
            }).Build()));

    [Fact]
    public async Task SendTheCustomerTheAcknowledgementInTheirLanguageFromTheTenant()
    {
        var tenant = await _instance.SignUpAsync("general-enterprise");
        var complaint = await _instance.SubmitAsync(tenant, contact: "wang@example.com", description: "酒有沉淀，颜色发暗");

        Assert.Equal(1, await DispatchAsync());

        var (user, from, to, message) = Assert.Single(_relay.Received);
        Assert.Equal(("relay-user:relay-secret", "desk@complaintcloud.example"), (user, from));
        Assert.Equal(["wang@example.com"], to);
        Assert.Equal(tenant.Tenant.Name, ((MailboxAddress)message.From.Single()).Name);
        Assert.Equal($"已收到您的反馈（{complaint.Number}）", message.Subject);
        Assert.Contains($"尊敬的客户，您反馈的{complaint.Category}问题已记录（编号{complaint.Number}），我们将在24小时内联系您处理，感谢您的理解！", message.TextBody, StringComparison.Ordinal);
        Assert.Contains(tenant.Tenant.Name, message.TextBody, StringComparison.Ordinal);
        Assert.Contains("并非营销信息，无需退订", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"编号{complaint.Number}", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("unsubscribe", message.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Null(message.Headers["List-Unsubscribe"]);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
    }

    [Fact]
    public async Task SendFromTheTenantsOwnAddressThroughItsOwnRelay()
    {
        var tenant = await _instance.SignUpAsync("general-enterprise", _ownRelaySlug);
        await _instance.SubmitAsync(tenant, contact: "wang@example.com");

        Assert.Equal(1, await DispatchAsync());

        var (_, from, _, message) = Assert.Single(_tenantRelay.Received);
        Assert.Equal("kefu@winery.example", from);
        Assert.StartsWith("We have received your feedback (", message.Subject, StringComparison.Ordinal);
        Assert.Empty(_relay.Received);
    }

    [Fact]
    public async Task UpgradeWithStartTlsAndAuthenticateWhenTheRelaysCertificateIsThePinnedOne()
    {
        var (user, _, to, _) = await AcknowledgeThroughAsync(_startTlsSlug, _startTlsRelay);

        Assert.Equal(("relay-user:relay-secret", "wang@example.com"), (user, Assert.Single(to)));
    }

    [Fact]
    public async Task SpeakTlsFromTheFirstByteToARelayOnImplicitTls()
    {
        var (user, _, to, _) = await AcknowledgeThroughAsync(_implicitTlsSlug, _implicitTlsRelay);

        Assert.Equal(("relay-user:relay-secret", "wang@example.com"), (user, Assert.Single(to)));
    }

    [Fact]
    public async Task SendNothingToARelayWhoseSelfSignedCertificateIsNotPinned()
    {
        var tenant = await _instance.SignUpAsync("general-enterprise", _unpinnedSlug);
        await _instance.SubmitAsync(tenant, contact: "wang@example.com");

        Assert.Equal(1, await DispatchAsync());

        Assert.Empty(_startTlsRelay.Received);
        await using var scope = _instance.ScopeFor(tenant.Tenant.Id);
        var message = await scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>().OutboxMessages.SingleAsync();
        Assert.Equal((1, null), (message.Attempts, message.SentAt));
        Assert.Contains("certificate", message.LastError, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task EmailEveryUserHoldingTheRoleAMessageNames()
    {
        var tenant = await _instance.SignUpAsync("general-enterprise");
        var complaint = await _instance.SubmitAsync(tenant, contact: "no contact");
        await EscalateToAsync(complaint, "TENANT_ADMIN");

        Assert.Equal(1, await DispatchAsync());

        var (_, _, to, message) = Assert.Single(_relay.Received);
        Assert.Equal([tenant.User.Email], to);
        Assert.Equal($"Escalated: complaint {complaint.Number} (NORMAL)", message.Subject);
    }

    [Fact]
    public async Task EmailNoDeactivatedUserOfTheRole()
    {
        var tenant = await _instance.SignUpAsync("general-enterprise");
        var complaint = await _instance.SubmitAsync(tenant, contact: "no contact");
        await using (var scope = _instance.ScopeFor(tenant.Tenant.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>();
            var now = _clock.GetCurrentInstant();
            var left = User.Create(tenant.Tenant.Id, "left@example.com", "a-long-password", ["TENANT_ADMIN"], password => password, now, "input.");
            left.Deactivate(now);
            db.Users.Add(left);
            await db.SaveChangesAsync();
        }

        await EscalateToAsync(complaint, "TENANT_ADMIN");
        Assert.Equal(1, await DispatchAsync());

        var (_, _, to, _) = Assert.Single(_relay.Received);
        Assert.Equal([tenant.User.Email], to);
    }

    [Fact]
    public async Task EmailAUserAMessageAboutTheirAccountSuchAsAPasswordReset()
    {
        var tenant = await _instance.SignUpAsync("general-enterprise");
        await using (var scope = _instance.ScopeFor(tenant.Tenant.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>();
            var payload = new MessagePayload("en", null, new Dictionary<string, string> { ["resetLink"] = "https://desk.example/reset/one-time", ["expiresAt"] = "2026-11-23 11:00" });
            db.OutboxMessages.Add(OutboxMessage.Create(
                tenant.Tenant.Id, null, EmailChannel.ChannelName, $"user:{tenant.User.Id}", MessageKind.PasswordReset, payload.ToJson(), "reset:1", _clock.GetCurrentInstant()));
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, await DispatchAsync());

        var (_, _, to, message) = Assert.Single(_relay.Received);
        Assert.Equal([tenant.User.Email], to);
        Assert.Contains("https://desk.example/reset/one-time", message.TextBody, StringComparison.Ordinal);
    }

    // Issue 14.4: the automatic acknowledgement meets the ACKNOWLEDGE clock (1 hour) only when the policy says so, and
    // only once it reaches the customer.
    [Fact]
    public async Task MeetTheAcknowledgeClockWhenTheAcknowledgementIsDeliveredIfThePolicySaysItCounts()
    {
        var tenant = await _instance.SignUpAsync("general-enterprise");
        await SetPolicyAsync(tenant, ("automaticAcknowledgementCounts", "true"));
        var complaint = await _instance.SubmitAsync(tenant, contact: "wang@example.com");
        _clock.Advance(Duration.FromMinutes(5));
        Assert.Equal(ClockState.Running, (await AcknowledgeClockAsync(complaint)).State);

        Assert.Equal(1, await DispatchAsync());

        var clock = await AcknowledgeClockAsync(complaint);
        Assert.Equal((ClockState.Met, _clock.GetCurrentInstant()), (clock.State, clock.MetAt));
    }

    [Fact]
    public async Task LeaveTheAcknowledgeClockRunningAfterTheAcknowledgementIfThePolicySaysItDoesNotCount()
    {
        var tenant = await _instance.SignUpAsync("general-enterprise");
        await SetPolicyAsync(tenant, ("automaticAcknowledgementCounts", "false"));
        var complaint = await _instance.SubmitAsync(tenant, contact: "wang@example.com");

        Assert.Equal(1, await DispatchAsync());

        Assert.Single(_relay.Received);
        Assert.Equal(ClockState.Running, (await AcknowledgeClockAsync(complaint)).State);
    }

    [Fact]
    public async Task RetryWithBackoffThenGiveUpAndShowItInTheComplaintsHistory()
    {
        _relay.Refuse = -1;
        var tenant = await _instance.SignUpAsync("general-enterprise");
        var complaint = await _instance.SubmitAsync(tenant, contact: "wang@example.com");

        for (var attempt = 1; attempt <= OutboxMessage.MaxAttempts; attempt++)
        {
            Assert.Equal(1, await DispatchAsync());
            Assert.Equal(0, await DispatchAsync());
            _clock.Advance(Duration.FromMinutes(10));
        }

        await using var scope = _instance.ScopeFor(tenant.Tenant.Id);
        var db = scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>();
        var message = await db.OutboxMessages.SingleAsync();
        Assert.Equal(OutboxMessage.MaxAttempts, message.Attempts);
        Assert.NotNull(message.FailedAt);
        Assert.Contains("Try again later", message.LastError, StringComparison.Ordinal);
        var failed = await db.ComplaintEvents.SingleAsync(e => e.ComplaintId == complaint.Id && e.Type == "NOTIFICATION_FAILED");
        Assert.Equal("ACKNOWLEDGEMENT", JsonDocument.Parse(failed.Data).RootElement.GetProperty("topic").GetString());
        Assert.Empty(_relay.Received);
    }

    [Fact]
    public async Task SendARoundsMessagesToOneRelayOverOneConnectionAndATenantsOwnRelayOverItsOwn()
    {
        foreach (var slug in (string?[])[null, null, null, _ownRelaySlug])
        {
            await _instance.SubmitAsync(await _instance.SignUpAsync("general-enterprise", slug), contact: "wang@example.com");
        }

        Assert.Equal(4, await DispatchAsync());

        Assert.Equal((3, 1), (_relay.Received.Count, _relay.Connections));
        Assert.Equal((1, 1), (_tenantRelay.Received.Count, _tenantRelay.Connections));
    }

    [Fact]
    public async Task ConnectAfreshAfterAFailedSendAndRetryOnlyTheMessageThatFailed()
    {
        var tenant = await _instance.SignUpAsync("general-enterprise");
        await _instance.SubmitAsync(tenant, contact: "wang@example.com");
        await _instance.SubmitAsync(tenant, contact: "li@example.com");
        _relay.Refuse = 1;

        Assert.Equal(2, await DispatchAsync());

        Assert.Equal(2, _relay.Connections);
        var (_, _, delivered, _) = Assert.Single(_relay.Received);
        await using var scope = _instance.ScopeFor(tenant.Tenant.Id);
        var messages = await scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>().OutboxMessages.AsNoTracking().ToListAsync();
        var failed = Assert.Single(messages, m => m.SentAt is null);
        Assert.Equal(1, failed.Attempts);
        Assert.DoesNotContain(MessagePayload.Parse(failed.Payload).Contact, delivered);
    }

    private async Task<(string? User, string From, List<string> To, MimeMessage Message)> AcknowledgeThroughAsync(string slug, SmtpSink relay)
    {
        var tenant = await _instance.SignUpAsync("general-enterprise", slug);
        await _instance.SubmitAsync(tenant, contact: "wang@example.com");
        Assert.Equal(1, await DispatchAsync());
        return Assert.Single(relay.Received);
    }

    private async Task SetPolicyAsync(AuthResult tenant, params (string Key, string Value)[] settings)
    {
        await using var scope = _instance.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().SignIn(tenant.Tenant.Id, tenant.User.Id, tenant.User.Roles);
        await scope.ServiceProvider.GetRequiredService<SelectPolicyHandler>().HandleAsync(
            new SelectPolicyCommand(tenant.Tenant.Policy.PolicyId, settings.ToDictionary(s => s.Key, s => (string?)s.Value)), CancellationToken.None);
    }

    private async Task<SlaClock> AcknowledgeClockAsync(Complaint complaint)
    {
        await using var scope = _instance.ScopeFor(complaint.TenantId);
        return await scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>().SlaClocks.AsNoTracking()
            .SingleAsync(c => c.ComplaintId == complaint.Id && c.Kind == "ACKNOWLEDGE");
    }

    private async Task EscalateToAsync(Complaint complaint, string role)
    {
        await using var scope = _instance.ScopeFor(complaint.TenantId);
        var db = scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>();
        db.OutboxMessages.Add(Notify.Role(complaint, MessageKind.Escalation, role, "test", _clock.GetCurrentInstant(), ("action", "Notify")));
        await db.SaveChangesAsync();
    }

    private Task<int> DispatchAsync() => _instance.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

    public async Task DisposeAsync() => await _instance.DisposeAsync();

    public void Dispose()
    {
        _relay.Dispose();
        _tenantRelay.Dispose();
        _startTlsRelay.Dispose();
        _implicitTlsRelay.Dispose();
    }
}
