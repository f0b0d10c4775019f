using System.Collections.Frozen;
using ComplaintCloud.Domain.Billing;
using ComplaintCloud.Infrastructure.Billing;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ComplaintCloud.Application.Billing;

public enum StripeEventOutcome
{
    /// <summary>The subscription's current state was read from Stripe and applied (or found older than what we have).</summary>
    Applied,

    /// <summary>Not an event we act on, or one naming no tenant of ours: recorded, nothing changed.</summary>
    Ignored,

    /// <summary>Taken before: acknowledged, nothing done again.</summary>
    Replayed,
}

/// <summary>
/// Takes one verified Stripe event exactly once. Whatever the event says, it re-reads the subscription from Stripe
/// and applies that state, so arrival order does not matter; the event id and the new state commit together.
/// </summary>
public sealed class StripeWebhookHandler(
    ComplaintCloudDbContext db, TenantContext tenantContext, StripeBilling stripe, IClock clock, ILogger<StripeWebhookHandler> logger)
{
    private static readonly FrozenSet<string> Handled = new[]
    {
        "checkout.session.completed",
        "customer.subscription.created",
        "customer.subscription.updated",
        "customer.subscription.deleted",
        "customer.subscription.trial_will_end",
        "invoice.paid",
        "invoice.payment_failed",
    }.ToFrozenSet();

    public async Task<StripeEventOutcome> HandleAsync(StripeEventNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (await db.StripeEvents.AnyAsync(e => e.Id == notice.Id, cancellationToken))
        {
            return StripeEventOutcome.Replayed;
        }

        var subscription = Handled.Contains(notice.Type) && notice.SubscriptionId is { } subscriptionId
            ? await stripe.GetSubscriptionAsync(subscriptionId, cancellationToken)
            : null;
        // Read after the fetch: a later reading of the same subscription is never overwritten by this one.
        var asOf = clock.GetCurrentInstant();
        var tenantId = subscription?.TenantId ?? notice.ClientReferenceTenantId;
        var outcome = StripeEventOutcome.Ignored;
        if (subscription is not null && tenantId is { } tenant && await IsTenantAsync(tenant, cancellationToken))
        {
            var account = await db.BillingAccounts.SingleOrDefaultAsync(a => a.TenantId == tenant, cancellationToken);
            if (account is null)
            {
                account = BillingAccount.Open(tenant);
                db.BillingAccounts.Add(account);
            }

            account.Apply(subscription.State, asOf);
            outcome = StripeEventOutcome.Applied;
        }
        else if (subscription is not null)
        {
            logger.LogWarning("Stripe event {Event} ({Type}) is about subscription {Subscription}, which names no tenant of ours.", notice.Id, notice.Type, subscription.State.SubscriptionId);
        }

        db.StripeEvents.Add(new StripeEventRecord { Id = notice.Id, Type = notice.Type, TenantId = outcome == StripeEventOutcome.Applied ? tenantId : null, ReceivedAt = asOf });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return outcome;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The same event delivered twice at once: the other delivery committed it. Anything else goes back to
            // Stripe as a failure, which redelivers it.
            db.ChangeTracker.Clear();
            if (!await db.StripeEvents.AnyAsync(r => r.Id == notice.Id, cancellationToken))
            {
                throw;
            }

            return StripeEventOutcome.Replayed;
        }
    }

    // Row-level security and the query filters key on the tenant (tenants included): name it before looking it up.
    private async Task<bool> IsTenantAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        tenantContext.UseTenant(tenantId);
        return await db.Tenants.AnyAsync(t => t.Id == tenantId, cancellationToken);
    }
}
