using System.Net;
using System.Text;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Notifications;
using ComplaintCloud.IntegrationTests.Clocks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace ComplaintCloud.IntegrationTests.Notifications;

/// <summary>SMS to a customer who left a mobile number (issue 14.2, 14.4), through a provider double on 127.0.0.1.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class SmsChannelShould(PostgresFixture postgres)
{
    [Fact]
    public async Task TextTheAcknowledgementAsAFormPostWithTheAccountAndToken()
    {
        using var provider = new SmsProviderDouble();
        var (instance, _) = await StartAsync(provider);
        await using var _ = instance;
        var tenant = await instance.SignUpAsync("general-enterprise");
        var complaint = await instance.SubmitAsync(tenant, contact: "138-0000-0000", description: "酒有沉淀");

        Assert.Equal(1, await instance.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None));

        var (path, authorization, form) = Assert.Single(provider.Requests);
        Assert.Equal("/2010-04-01/Accounts/AC-test/Messages.json", path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("AC-test:sms-token")), authorization);
        Assert.Equal(("+8613800000000", "+10000000000"), (form["To"], form["From"]));
        Assert.StartsWith($"尊敬的客户，您反馈的{complaint.Category}问题已记录（编号{complaint.Number}）", form["Body"], StringComparison.Ordinal);
        Assert.EndsWith(tenant.Tenant.Name, form["Body"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetryWhenTheProviderRefuses()
    {
        using var provider = new SmsProviderDouble(HttpStatusCode.TooManyRequests, HttpStatusCode.Created);
        var (instance, clock) = await StartAsync(provider);
        await using var _ = instance;
        var tenant = await instance.SignUpAsync("general-enterprise");
        await instance.SubmitAsync(tenant, contact: "+44 7700 900123");
        var dispatcher = instance.Services.GetRequiredService<OutboxDispatcher>();

        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));
        clock.Advance(Duration.FromSeconds(2));
        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));

        Assert.Equal(["+447700900123", "+447700900123"], provider.Requests.Select(r => r.Form["To"]));
        await using var scope = instance.ScopeFor(tenant.Tenant.Id);
        var message = await scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>().OutboxMessages.SingleAsync();
        Assert.Equal((SmsChannel.ChannelName, 2, clock.GetCurrentInstant()), (message.Channel, message.Attempts, message.SentAt));
    }

    private async Task<(SlaInstance, FakeClock)> StartAsync(SmsProviderDouble provider)
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 23, 2, 0));
        var instance = await SlaInstance.CreateAsync(await postgres.CreateSecuredDatabaseAsync("notify_sms"), clock, "notify-sms", configure: services =>
            services.AddNotifications(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Notifications:Sms:Url"] = provider.Url,
                ["Notifications:Sms:Account"] = "AC-test",
                ["Notifications:Sms:Token"] = "sms-token",
                ["Notifications:Sms:From"] = "+10000000000",
            }).Build()));
        return (instance, clock);
    }
}
