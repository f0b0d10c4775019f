using System.Diagnostics;
using System.Diagnostics.Metrics;
using ComplaintCloud.Domain.Clocks;
using NodaTime;

namespace ComplaintCloud.Infrastructure.Telemetry;

/// <summary>
/// The service's own traces and metrics, under one name for OpenTelemetry to listen to (off unless an exporter is
/// configured). Labels are codes — plan, channel, clock kind, error code, outcome — never a tenant's or a customer's
/// words. Static, like the framework's own meters, so every part records without being handed an instance.
/// </summary>
public static class ComplaintCloudTelemetry
{
    public const string Name = "ComplaintCloud";

    public static readonly ActivitySource Traces = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> ComplaintsReceived = Meter.CreateCounter<long>(
        "complaintcloud.complaints.received", "{complaint}", "Complaints taken in, by the tenant's plan and the channel.");

    private static readonly Counter<long> ClockAlerts = Meter.CreateCounter<long>(
        "complaintcloud.clock.alerts", "{alert}", "SLA clock warnings and breaches handled, by occasion and clock kind.");

    private static readonly Histogram<double> SweepLag = Meter.CreateHistogram<double>(
        "complaintcloud.clock.lag", "s", "From a clock's warning or breach falling due to its handling being committed.");

    private static readonly Counter<long> OutboxDeliveries = Meter.CreateCounter<long>(
        "complaintcloud.outbox.deliveries", "{message}", "Outbox delivery attempts, by channel and outcome (sent, failed).");

    private static readonly Histogram<long> OutboxDue = Meter.CreateHistogram<long>(
        "complaintcloud.outbox.due", "{message}", "Messages found due by a dispatch round (up to 50 per tenant): the backlog.");

    private static readonly Counter<long> PluginFailures = Meter.CreateCounter<long>(
        "complaintcloud.plugin.calls.failed", "{call}", "Policy plugin calls that threw or timed out, by policy and outcome.");

    private static readonly Counter<long> GraphQLErrors = Meter.CreateCounter<long>(
        "complaintcloud.graphql.errors", "{error}", "GraphQL errors answered, by extensions.code.");

    private static readonly Counter<long> StripeWebhooks = Meter.CreateCounter<long>(
        "complaintcloud.stripe.webhooks", "{event}", "Stripe webhook deliveries, by outcome (applied, ignored, replayed, rejected).");

    public static void ComplaintReceived(string planCode, string channel) =>
        ComplaintsReceived.Add(1, new("plan", planCode), new("channel", channel));

    /// <summary>Alerts whose batch committed at <paramref name="handledAt"/>.</summary>
    public static void ClockAlertsHandled(IEnumerable<ClockAlert> alerts, Instant handledAt)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        foreach (var alert in alerts)
        {
            KeyValuePair<string, object?>[] tags = [new("occasion", alert.Occasion.ToString()), new("clock_kind", alert.ClockKind)];
            ClockAlerts.Add(1, tags);
            SweepLag.Record((handledAt - alert.DueAt).TotalSeconds, tags);
        }
    }

    public static void OutboxRoundFound(long dueMessages) => OutboxDue.Record(dueMessages);

    public static void OutboxDelivery(string channel, bool sent) =>
        OutboxDeliveries.Add(1, new("channel", channel), new("outcome", sent ? "sent" : "failed"));

    public static void PluginCallFailed(string policyId, bool timedOut) =>
        PluginFailures.Add(1, new("policy", policyId), new("outcome", timedOut ? "timed_out" : "threw"));

    public static void GraphQLError(string code) => GraphQLErrors.Add(1, new KeyValuePair<string, object?>("code", code));

    public static void StripeWebhook(string outcome) => StripeWebhooks.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
