using ComplaintCloud.Domain;
using ComplaintCloud.Infrastructure.Billing;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Application.Billing;

/// <summary>A tenant admin opens Stripe's customer portal: change plan, payment method, invoices, cancel.</summary>
public sealed class OpenBillingPortalHandler(
    ComplaintCloudDbContext db, TenantContext tenantContext, BillingSettings settings, StripeBilling stripe)
{
    public async Task<Uri> HandleAsync(string? idempotencyKey, CancellationToken cancellationToken)
    {
        var tenantId = StartCheckoutHandler.RequireAdmin(tenantContext, settings);
        var customerId = await db.BillingAccounts.AsNoTracking()
            .Where(a => a.TenantId == tenantId)
            .Select(a => a.StripeCustomerId)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainException(ErrorCode.BadUserInput, "The tenant has never checked out: start a checkout first.");
        return await stripe.CreatePortalSessionAsync(
            customerId, StartCheckoutHandler.StripeIdempotencyKey($"portal-{tenantId}", idempotencyKey), cancellationToken);
    }
}
