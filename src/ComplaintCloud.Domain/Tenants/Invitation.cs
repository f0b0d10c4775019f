using NodaTime;

namespace ComplaintCloud.Domain.Tenants;

/// <summary>
/// A tenant admin's invitation for one e-mail address with the roles the new user will have. Accepting it (once,
/// within <see cref="Lifetime"/>) creates the user with a password of the invitee's choosing. Only a hash of the
/// invitation token is kept.
/// </summary>
public sealed class Invitation : ITenantOwned
{
    public static readonly Duration Lifetime = Duration.FromDays(7);

    private Invitation()
    {
        Email = string.Empty;
        Roles = [];
        TokenHash = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string Email { get; private set; }
    public IReadOnlyList<string> Roles { get; private set; }
    public string TokenHash { get; private set; }
    public Guid InvitedBy { get; private set; }
    public Instant CreatedAt { get; private set; }
    public Instant ExpiresAt { get; private set; }
    public Instant? AcceptedAt { get; private set; }

    /// <summary>
    /// Invites <paramref name="email"/> with <paramref name="roles"/>, each of which must be one of
    /// <paramref name="tenantRoles"/>: the platform roles and those the tenant's policy names.
    /// </summary>
    public static Invitation Create(
        Guid id, Guid tenantId, string email, IReadOnlyList<string> roles, IReadOnlyCollection<string> tenantRoles, string tokenHash, Guid invitedBy, Instant now)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(tenantRoles);
        User.ValidateEmail(email, "input.email");
        if (roles.Count == 0 || roles.Any(role => !tenantRoles.Contains(role)))
        {
            throw new DomainException(ErrorCode.BadUserInput, $"Choose roles among {string.Join(", ", tenantRoles)}.", "input.roles");
        }

        return new Invitation
        {
            Id = id, TenantId = tenantId, Email = User.NormalizeEmail(email), Roles = roles.Distinct().ToList(), TokenHash = tokenHash,
            InvitedBy = invitedBy, CreatedAt = now, ExpiresAt = now + Lifetime,
        };
    }

    public bool IsOpen(Instant now) => AcceptedAt is null && now < ExpiresAt;

    public void Accept(Instant now) =>
        AcceptedAt = IsOpen(now) ? now : throw new DomainException(ErrorCode.BadUserInput, "This invitation was used or has expired.", "input.token");
}
