using System.Text;
using ComplaintCloud.Application.Billing;
using ComplaintCloud.Domain;
using ComplaintCloud.Infrastructure.Billing;
using ComplaintCloud.Infrastructure.Telemetry;
using Microsoft.AspNetCore.Http.Features;

namespace ComplaintCloud.Api.Webhooks;

/// <summary>
/// <c>POST /stripe/webhook</c>: a verified event is taken once and answered 200 (replays too, so Stripe stops); a bad
/// or old signature, or a signed body that is no Stripe event, is 400 and changes nothing; a body over 512 KB is 413;
/// a failure while applying is 500, so Stripe delivers it again.
/// </summary>
public static class StripeWebhookEndpoint
{
    public const string Path = "/stripe/webhook";

    // Stripe's events are a few kilobytes; anything far larger is not from Stripe.
    private const long MaxBodyBytes = 512 * 1024;

    // A sender still writing when the 413 comes sees a reset connection instead, so an oversized body is read to its
    // end and dropped, up to this much; beyond it the connection is closed after all.
    private const long MaxDrainedBytes = 16 * 1024 * 1024;

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
        if (await ReadBodyAsync(context) is not { } json)
        {
            return Results.Json(new { error = $"The body exceeds {MaxBodyBytes} bytes." }, statusCode: StatusCodes.Status413PayloadTooLarge);
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

    /// <summary>The body as text, or null when it is over <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<string?> ReadBodyAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxDrainedBytes;
        }

        using var kept = new MemoryStream();
        var buffer = new byte[16 * 1024];
        long total = 0;
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                total += read;
                if (total <= MaxBodyBytes)
                {
                    kept.Write(buffer, 0, read);
                }
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return total <= MaxBodyBytes ? Encoding.UTF8.GetString(kept.GetBuffer(), 0, (int)kept.Length) : null;
    }
}
