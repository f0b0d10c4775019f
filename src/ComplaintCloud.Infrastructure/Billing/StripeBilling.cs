using System.Globalization;
using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Billing;
using Microsoft.Extensions.Logging;
using NodaTime;
using Stripe;
using CheckoutSession = Stripe.Checkout.Session;
using Plan = ComplaintCloud.Domain.Billing.Plan;

namespace ComplaintCloud.Infrastructure.Billing;

/// <summary>What a verified webhook event tells us: which subscription to look at, and the tenant a checkout named.</summary>
public sealed record StripeEventNotice(string Id, string Type, string? SubscriptionId, Guid? ClientReferenceTenantId);

/// <summary>A subscription read from Stripe, with the tenant its metadata names.</summary>
public sealed record StripeSubscription(Guid? TenantId, SubscriptionState State);

/// <summary>
/// The few Stripe calls billing makes, through Stripe.net pointed at <c>Stripe:ApiBase</c>. Every call that creates
/// something carries an idempotency key, so a retried request never makes a second customer or session.
/// </summary>
public sealed class StripeBilling(BillingSettings settings, IClock clock, ILogger<StripeBilling> logger)
{
    /// <summary>The metadata key on customers and subscriptions naming the tenant.</summary>
    public const string TenantMetadataKey = "tenant_id";

    // Stripe's own default: a signature older than five minutes may be a replay by someone else.
    private const long SignatureToleranceSeconds = 300;
    public const int MaxEventIdLength = 255;
    public const int MaxEventTypeLength = 100;

    private readonly StripeClient? _client = settings.SecretKey is { } key ? new StripeClient(key, apiBase: settings.ApiBase) : null;

    private StripeClient Client => _client ?? throw new InvalidOperationException("Billing is off: Stripe:SecretKey is not set.");

    public async Task<string> CreateCustomerAsync(Guid tenantId, string companyName, string email, CancellationToken cancellationToken)
    {
        var customer = await new CustomerService(Client).CreateAsync(
            new CustomerCreateOptions { Name = companyName, Email = email, Metadata = TenantMetadata(tenantId) },
            // One customer per tenant, even when two checkouts race.
            new RequestOptions { IdempotencyKey = $"customer-{tenantId}" },
            cancellationToken);
        return customer.Id;
    }

    public async Task<Uri> CreateCheckoutSessionAsync(
        Guid tenantId, string customerId, string priceId, string idempotencyKey, CancellationToken cancellationToken)
    {
        var session = await new Stripe.Checkout.SessionService(Client).CreateAsync(
            new Stripe.Checkout.SessionCreateOptions
            {
                Mode = "subscription",
                Customer = customerId,
                ClientReferenceId = tenantId.ToString(),
                LineItems = [new() { Price = priceId, Quantity = 1 }],
                SubscriptionData = new() { Metadata = TenantMetadata(tenantId) },
                SuccessUrl = new Uri(settings.ReturnUrl, "?checkout=done").ToString(),
                CancelUrl = new Uri(settings.ReturnUrl, "?checkout=canceled").ToString(),
            },
            new RequestOptions { IdempotencyKey = idempotencyKey },
            cancellationToken);
        return new Uri(session.Url);
    }

    public async Task<Uri> CreatePortalSessionAsync(string customerId, string idempotencyKey, CancellationToken cancellationToken)
    {
        var session = await new Stripe.BillingPortal.SessionService(Client).CreateAsync(
            new Stripe.BillingPortal.SessionCreateOptions { Customer = customerId, ReturnUrl = settings.ReturnUrl.ToString() },
            new RequestOptions { IdempotencyKey = idempotencyKey },
            cancellationToken);
        return new Uri(session.Url);
    }

    /// <summary>The subscription's current state: webhooks act on this, never on the (possibly stale) event payload.</summary>
    public async Task<StripeSubscription> GetSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        var subscription = await new SubscriptionService(Client).GetAsync(subscriptionId, cancellationToken: cancellationToken);
        var item = subscription.Items?.Data?.FirstOrDefault();
        var plan = item?.Price?.Id is { } priceId ? settings.ForPrice(priceId) : null;
        if (plan is null)
        {
            logger.LogWarning("Subscription {Subscription} pays for price {Price}, which no plan in Billing:Plans names; it counts as FREE.", subscription.Id, item?.Price?.Id);
        }

        var tenantId = subscription.Metadata?.GetValueOrDefault(TenantMetadataKey) is { } text && Guid.TryParse(text, out var id) ? id : (Guid?)null;
        return new StripeSubscription(tenantId, new SubscriptionState(
            subscription.Id,
            subscription.CustomerId,
            StatusOf(subscription.Status),
            plan?.Code ?? Plan.FreeCode,
            item is null ? null : InstantOf(item.CurrentPeriodEnd),
            subscription.TrialEnd is { } trialEnd ? InstantOf(trialEnd) : null));
    }

    /// <summary>Verifies a webhook's signature and age; a bad or old one is BAD_USER_INPUT.</summary>
    public StripeEventNotice ReadEvent(string json, string? signatureHeader)
    {
        var secret = settings.WebhookSecret ?? throw new InvalidOperationException("Stripe:WebhookSecret is not set.");
        Event stripeEvent;
        try
        {
            // The API version is not checked: we read only ids from the event and fetch the rest ourselves.
            stripeEvent = EventUtility.ConstructEvent(
                json, signatureHeader ?? "", secret, SignatureToleranceSeconds, clock.GetCurrentInstant().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (StripeException)
        {
            throw new DomainException(ErrorCode.BadUserInput, "The event's signature is missing, wrong or too old.", "Stripe-Signature");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Reading an event is pure parsing: whatever it throws means a body that is no event, however well signed.
            throw NotAnEvent();
        }

        // Stripe's ids are short; anything the events table cannot key is not from Stripe either.
        if (stripeEvent is not { Id.Length: > 0 and <= MaxEventIdLength, Type.Length: > 0 and <= MaxEventTypeLength, Data: not null })
        {
            throw NotAnEvent();
        }

        return stripeEvent.Data.Object switch
        {
            CheckoutSession session => new(stripeEvent.Id, stripeEvent.Type, session.SubscriptionId,
                Guid.TryParse(session.ClientReferenceId, out var tenantId) ? tenantId : null),
            Subscription subscription => new(stripeEvent.Id, stripeEvent.Type, subscription.Id, null),
            Invoice invoice => new(stripeEvent.Id, stripeEvent.Type, invoice.Parent?.SubscriptionDetails?.SubscriptionId, null),
            _ => new(stripeEvent.Id, stripeEvent.Type, null, null),
        };
    }

    private static DomainException NotAnEvent() => new(ErrorCode.BadUserInput, "The body is not a Stripe event.");

    private static Dictionary<string, string> TenantMetadata(Guid tenantId) => new() { [TenantMetadataKey] = tenantId.ToString() };

    private static Instant InstantOf(DateTime utc) => Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    private static SubscriptionStatus StatusOf(string status) => status switch
    {
        "incomplete" => SubscriptionStatus.Incomplete,
        "incomplete_expired" => SubscriptionStatus.IncompleteExpired,
        "trialing" => SubscriptionStatus.Trialing,
        "active" => SubscriptionStatus.Active,
        "past_due" => SubscriptionStatus.PastDue,
        "unpaid" => SubscriptionStatus.Unpaid,
        "paused" => SubscriptionStatus.Paused,
        "canceled" => SubscriptionStatus.Canceled,
        _ => throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Stripe reported an unknown subscription status '{status}'.")),
    };
}
