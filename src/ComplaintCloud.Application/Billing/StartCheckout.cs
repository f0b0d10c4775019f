using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Billing;
using ComplaintCloud.Infrastructure.Billing;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Application.Billing;

public sealed record StartCheckoutCommand(string Plan, string? IdempotencyKey);

/// <summary>
/// A tenant admin starts paying for a plan: the tenant's Stripe customer is created once and reused, and a Checkout
/// Session (subscription mode, naming the tenant) is opened. The subscription itself arrives by webhook.
/// </summary>
public sealed class StartCheckoutHandler(
    ComplaintCloudDbContext db, TenantContext tenantContext, BillingSettings settings, StripeBilling stripe)
{
    // Stripe takes keys of up to 255 characters; ours add a prefix of about 60.
    private const int MaxClientKeyLength = 180;

    public async Task<Uri> HandleAsync(StartCheckoutCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var tenantId = RequireAdmin(tenantContext, settings);
        var plan = settings.Find(command.Plan.Trim().ToUpperInvariant()) is { StripePriceId: not null } found
            ? found
            : throw new DomainException(ErrorCode.BadUserInput, $"'{command.Plan}' is not a plan that can be bought.", "input.plan");
        var key = StripeIdempotencyKey($"checkout-{tenantId}-{plan.Code}", command.IdempotencyKey);

        var account = await db.BillingAccounts.SingleOrDefaultAsync(a => a.TenantId == tenantId, cancellationToken);
        if (account is not null && account.Status.IsLive())
        {
            throw new DomainException(ErrorCode.Conflict, "The tenant already has a subscription: change plans in the billing portal.");
        }

        var customerId = account?.StripeCustomerId ?? await CreateCustomerAsync(tenantId, account, cancellationToken);
        return await stripe.CreateCheckoutSessionAsync(tenantId, customerId, plan.StripePriceId!, key, cancellationToken);
    }

    /// <summary>
    /// The key for a Stripe call: with the client's Idempotency-Key a retried mutation gets the same Stripe object back;
    /// without one every call is new (Stripe.net still retries each safely).
    /// </summary>
    internal static string StripeIdempotencyKey(string prefix, string? clientKey)
    {
        if (clientKey is { Length: 0 or > MaxClientKeyLength })
        {
            throw new DomainException(ErrorCode.BadUserInput, $"The Idempotency-Key must have 1 to {MaxClientKeyLength} characters.", "Idempotency-Key");
        }

        return $"{prefix}-{clientKey ?? Guid.NewGuid().ToString()}";
    }

    /// <summary>The tenant of a signed-in admin, on a deployment where billing is on.</summary>
    internal static Guid RequireAdmin(TenantContext tenantContext, BillingSettings settings)
    {
        tenantContext.RequireSignedInTenant();
        if (!settings.Enabled)
        {
            throw new DomainException(ErrorCode.BadUserInput, "Billing is off on this deployment (it has no Stripe secret key): every tenant is unlimited.");
        }

        return tenantContext.RequireTenantAdmin("manage billing");
    }

    private async Task<string> CreateCustomerAsync(Guid tenantId, BillingAccount? account, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, cancellationToken);
        var admin = await db.Users.AsNoTracking().SingleAsync(u => u.Id == tenantContext.UserId, cancellationToken);
        var customerId = await stripe.CreateCustomerAsync(tenantId, tenant.Name, admin.Email, cancellationToken);
        if (account is null)
        {
            account = BillingAccount.Open(tenantId);
            db.BillingAccounts.Add(account);
        }

        account.AttachCustomer(customerId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // A racing checkout opened the account first; Stripe gave it the same customer for the same idempotency key.
            db.ChangeTracker.Clear();
        }

        return customerId;
    }
}
