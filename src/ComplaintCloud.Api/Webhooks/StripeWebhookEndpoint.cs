using ComplaintCloud.Application.Billing;
using ComplaintCloud.Domain;
using ComplaintCloud.Infrastructure.Billing;
using ComplaintCloud.Infrastructure.Telemetry;
using Microsoft.AspNetCore.Http.Features;

namespace ComplaintCloud.Api.Webhooks;

/// <summary>
/// <c>POST /stripe/webhook</c>: a verified event is taken once and answered 200 (replays too, so Stripe stops); a bad
/// or old signature is 400 and changes nothing; a failure while applying is 500, so Stripe delivers it again.
/// </summary>
public static class StripeWebhookEndpoint
{
    public const string Path = "/stripe/webhook";

    // Stripe's events are a few kilobytes; anything far larger is not from Stripe.
    private const long MaxBodyBytes = 512 * 1024;

    /// <summary>Maps the endpoint when billing is on; without a Stripe key there is nothing to receive.</summary>
    public static void MapStripeWebhook(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<BillingSettings>().Enabled)
        {
            app.MapPost(Path, ReceiveAsync);
        }
    }

    private static async Task<IResult> ReceiveAsync(HttpContext context, StripeBilling stripe, StripeWebhookHandler handler)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        string json;
        using (var reader = new StreamReader(context.Request.Body))
        {
            json = await reader.ReadToEndAsync(context.RequestAborted);
        }

        StripeEventNotice notice;
        try
        {
            notice = stripe.ReadEvent(json, context.Request.Headers["Stripe-Signature"].FirstOrDefault());
        }
        catch (DomainException e)
        {
            ComplaintCloudTelemetry.StripeWebhook("Rejected");
            return Results.BadRequest(new { error = e.Message });
        }

        var outcome = await handler.HandleAsync(notice, context.RequestAborted);
        ComplaintCloudTelemetry.StripeWebhook(outcome.ToString());
        return Results.Ok(new { received = notice.Id, outcome = outcome.ToString() });
    }
}
