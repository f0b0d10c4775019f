using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Auth;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintCloud.Application.Tenants.Invitations;

public sealed record AcceptInvitationCommand(string TenantSlug, string Token, string Password);

/// <summary>The invitee chooses a password and becomes a user with the invited roles, signed in.</summary>
public sealed class AcceptInvitationHandler(
    ComplaintCloudDbContext db,
    TenantContext tenantContext,
    TenantDirectory directory,
    IPasswordHasher<User> hasher,
    TokenService tokens,
    IClock clock)
{
    public async Task<AuthResult> HandleAsync(AcceptInvitationCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        // One answer for an unknown tenant, a malformed token and a wrong secret.
        var invalid = new DomainException(ErrorCode.BadUserInput, "This invitation was used or has expired.", "input.token");
        var tenantId = await directory.FindIdAsync(command.TenantSlug, cancellationToken) ?? throw invalid;
        tenantContext.UseTenant(tenantId);
        if (OpaqueTokens.Parse(command.Token) is not var (id, secret))
        {
            throw invalid;
        }

        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        var now = clock.GetCurrentInstant();
        if (invitation is null || !OpaqueTokens.Matches(secret, invitation.TokenHash) || !invitation.IsOpen(now))
        {
            throw invalid;
        }

        var user = User.Create(tenantId, invitation.Email, command.Password, invitation.Roles, password => hasher.HashPassword(null!, password), now, "input.");
        invitation.Accept(now);
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            throw new DomainException(ErrorCode.Conflict, "Someone with this e-mail address is already a user.", "input.token");
        }

        var tenant = await db.Tenants.SingleAsync(t => t.Id == tenantId, cancellationToken);
        return new AuthResult(tokens.Issue(tenant, user), tenant, user);
    }
}
