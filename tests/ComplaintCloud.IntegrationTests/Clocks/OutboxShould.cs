using System.Net;
using System.Text.Json;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Notifications;
using ComplaintCloud.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace ComplaintCloud.IntegrationTests.Clocks;

/// <summary>The acknowledgement to the customer (SPEC §2.3) through the outbox and the signed, retried webhook, which
/// carries the texts of a deployment that sends none itself.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class OutboxShould(PostgresFixture postgres)
{
    private const string Secret = "whsec-test-secret";

    [Fact]
    public async Task DeliverTheAcknowledgementSignedAndRetriedWithBackoff()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 23, 2, 0));
        var receiver = new Receiver(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        await using var instance = await StartWithWebhookAsync(clock, receiver);
        var tenant = await instance.SignUpAsync("general-enterprise");
        var complaint = await instance.SubmitAsync(tenant);
        var dispatcher = instance.Services.GetRequiredService<OutboxDispatcher>();

        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
        clock.Advance(Duration.FromSeconds(2));
        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));

        Assert.Equal(2, receiver.Requests.Count);
        Assert.Single(receiver.Requests.Select(r => r.Delivery).Distinct());
        var (signature, body, _) = receiver.Requests[^1];
        var timestamp = signature.Split(',')[0]["t=".Length..];
        Assert.Equal($"t={timestamp},v1={WebhookChannel.Sign(Secret, timestamp, body)}", signature);
        var delivered = JsonDocument.Parse(body).RootElement;
        Assert.Equal(complaint.Number, delivered.GetProperty("payload").GetProperty("values").GetProperty("complaintNumber").GetString());
        Assert.Contains("we will contact you within 24 hours", delivered.GetProperty("text").GetString(), StringComparison.Ordinal);
        await using var scope = instance.ScopeFor(tenant.Tenant.Id);
        var message = await scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>().OutboxMessages.SingleAsync();
        Assert.Equal((2, clock.GetCurrentInstant()), (message.Attempts, message.SentAt));
    }

    [Fact]
    public async Task CountEachDeliveryByItsOutcomeAndWhatEachRoundFoundDue()
    {
        using var telemetry = new TelemetryCapture();
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 23, 2, 0));
        await using var instance = await StartWithWebhookAsync(clock, new Receiver(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK));
        await instance.SubmitAsync(await instance.SignUpAsync("general-enterprise"));
        var dispatcher = instance.Services.GetRequiredService<OutboxDispatcher>();

        await dispatcher.DispatchDueAsync(CancellationToken.None);
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        clock.Advance(Duration.FromSeconds(2));
        await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(1, telemetry.Count("complaintcloud.outbox.deliveries", ("outcome", "failed")));
        Assert.Equal(1, telemetry.Count("complaintcloud.outbox.deliveries", ("outcome", "sent")));
        // Three rounds: the acknowledgement due, nothing due while it waits out its backoff, then due again.
        Assert.Equal(3, telemetry.Count("complaintcloud.outbox.due"));
        Assert.Equal(2, telemetry.Sum("complaintcloud.outbox.due"));
    }

    // An SLA instance whose outbox goes to a webhook answered by the receiver.
    private async Task<SlaInstance> StartWithWebhookAsync(FakeClock clock, Receiver receiver) =>
        await SlaInstance.CreateAsync(await postgres.CreateSecuredDatabaseAsync("sla_outbox"), clock, "sla-a", configure: services =>
        {
            services.AddNotifications(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Notifications:Webhook:Url"] = "https://hooks.example/complaints",
                ["Notifications:Webhook:Secret"] = Secret,
            }).Build());
            services.AddHttpClient<WebhookChannel>().ConfigurePrimaryHttpMessageHandler(() => receiver);
        });

    private sealed class Receiver(params HttpStatusCode[] answers) : HttpMessageHandler
    {
        public List<(string Signature, string Body, string Delivery)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((
                request.Headers.GetValues(WebhookChannel.SignatureHeader).Single(),
                await request.Content!.ReadAsStringAsync(cancellationToken),
                request.Headers.GetValues(WebhookChannel.DeliveryHeader).Single()));
            return new HttpResponseMessage(answers[Math.Min(Requests.Count, answers.Length) - 1]);
        }
    }
}
