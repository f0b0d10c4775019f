using ComplaintCloud.Application.Billing;
using ComplaintCloud.Application.Categories;
using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Auth;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Plugins;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintCloud.Application.Tenants;

public sealed record SignUpCommand(
    string CompanyName,
    string Slug,
    string AdminEmail,
    string AdminPassword,
    string? PolicyId,
    IReadOnlyDictionary<string, string?>? Settings = null,
    string? TimeZone = null);

public sealed record AuthResult(string Token, Tenant Tenant, User User);

/// <summary>
/// A company signs up: a tenant on the chosen policy and its first admin. Without a policy named it runs on
/// general-enterprise, not yet chosen (<see cref="Tenant.PolicyChosenAt"/>) until an admin selects one.
/// </summary>
public sealed class SignUpHandler(
    ComplaintCloudDbContext db,
    TenantContext tenantContext,
    TenantDirectory directory,
    PolicyCatalog catalog,
    IPasswordHasher<User> hasher,
    TokenService tokens,
    BillingGate billing,
    CategoryTree categories,
    IClock clock)
{
    public const string DefaultPolicyId = "general-enterprise";

    public async Task<AuthResult> HandleAsync(SignUpCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var policyId = command.PolicyId ?? DefaultPolicyId;
        var plugin = catalog.Find(policyId)
            ?? throw new DomainException(ErrorCode.BadUserInput, $"There is no policy '{policyId}'.", "input.policyId");
        var settings = PolicySettingsValidation.Complete(plugin.Policy!.Descriptor, command.Settings ?? new Dictionary<string, string?>());
        var now = clock.GetCurrentInstant();
        var tenant = Tenant.SignUp(
            command.CompanyName, command.Slug, new TenantPolicy(plugin.Id, plugin.Version, settings), command.TimeZone ?? Tenant.DefaultTimeZone, now);
        if (command.PolicyId is not null)
        {
            tenant.ChoosePolicy(now);
        }

        tenantContext.UseTenant(tenant.Id);
        // A new tenant is on the free plan, which may not start on a custom policy.
        await billing.EnsurePolicyAllowedAsync(tenant.Id, plugin.Id, cancellationToken);
        var admin = User.Create(
            tenant.Id, command.AdminEmail, command.AdminPassword, [PlatformRoles.TenantAdmin], password => hasher.HashPassword(null!, password), now, "input.admin");

        if (await directory.FindIdAsync(tenant.Slug, cancellationToken) is not null)
        {
            throw SlugTaken(tenant.Slug);
        }

        db.Tenants.Add(tenant);
        db.Users.Add(admin);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            throw SlugTaken(tenant.Slug);
        }

        await categories.AddPolicyCategoriesAsync(tenant.Id, plugin.Policy.Descriptor, cancellationToken);
        return new AuthResult(tokens.Issue(tenant, admin), tenant, admin);
    }

    public static string SlugTakenMessage(string slug) => $"The slug '{slug}' is taken.";

    private static DomainException SlugTaken(string slug) => new(ErrorCode.Conflict, SlugTakenMessage(slug), "input.slug");
}
