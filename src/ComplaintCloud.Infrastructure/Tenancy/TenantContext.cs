using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Tenants;

namespace ComplaintCloud.Infrastructure.Tenancy;

/// <summary>
/// The tenant (and, when signed in, the user) the current request or job acts for. Set once per scope, by the
/// request pipeline from the token or the X-Tenant header, or by a background job from the work it carries.
/// </summary>
public sealed class TenantContext
{
    public Guid? TenantId { get; private set; }
    public Guid? UserId { get; private set; }
    public IReadOnlyList<string> Roles { get; private set; } = [];

    /// <summary>The integration key the caller presented instead of signing in, with what it may do.</summary>
    public Guid? ApiKeyId { get; private set; }
    public IReadOnlyList<string> ApiKeyScopes { get; private set; } = [];

    public bool IsAuthenticated => UserId is not null || ApiKeyId is not null;

    /// <summary>A platform operator (Platform:AdminKey): above every tenant, inside none.</summary>
    public bool IsPlatformOperator { get; private set; }

    public void UseTenant(Guid tenantId)
    {
        // A scope never switches tenants: a second, different tenant means a bug or an attack.
        if (TenantId is { } current && current != tenantId)
        {
            throw new DomainException(ErrorCode.Forbidden, "The request names two different tenants.");
        }

        TenantId = tenantId;
    }

    public void SignIn(Guid tenantId, Guid userId, IReadOnlyList<string> roles)
    {
        UseTenant(tenantId);
        UserId = userId;
        Roles = roles;
    }

    public void SignInWithApiKey(Guid tenantId, Guid apiKeyId, IReadOnlyList<string> scopes)
    {
        UseTenant(tenantId);
        ApiKeyId = apiKeyId;
        ApiKeyScopes = scopes;
    }

    public void SignInAsPlatformOperator() =>
        IsPlatformOperator = TenantId is null
            ? true
            : throw new DomainException(ErrorCode.Forbidden, "A platform operator acts for no tenant.");

    /// <summary>The tenant, or UNAUTHENTICATED when the caller has not signed in.</summary>
    public Guid RequireSignedInTenant() =>
        IsAuthenticated && TenantId is { } id
            ? id
            : throw new DomainException(ErrorCode.Unauthenticated, "Sign in to do this.");

    /// <summary>The tenant, when the signed-in user is its admin; FORBIDDEN otherwise.</summary>
    /// <param name="action">What only an admin may do, e.g. "choose the policy".</param>
    public Guid RequireTenantAdmin(string action) => RequireAnyRole([PlatformRoles.TenantAdmin], $"Only a tenant admin can {action}.");

    /// <summary>
    /// The tenant, when the signed-in user may read its reports, their exports and the points ledger: a tenant admin or
    /// a report reader; FORBIDDEN otherwise, an integration key included.
    /// </summary>
    public Guid RequireReportReader() =>
        RequireAnyRole([PlatformRoles.TenantAdmin, PlatformRoles.ReportReader], "Only a tenant admin or a report reader can read reports.");

    public Guid RequireTenant() =>
        TenantId ?? throw new DomainException(ErrorCode.BadUserInput, "Name the tenant with the X-Tenant header or sign in.", "X-Tenant");

    private Guid RequireAnyRole(string[] roles, string refusal)
    {
        var tenantId = RequireSignedInTenant();
        return Roles.Any(roles.Contains) ? tenantId : throw new DomainException(ErrorCode.Forbidden, refusal);
    }
}
