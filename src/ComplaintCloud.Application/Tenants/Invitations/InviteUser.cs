using ComplaintCloud.Application.Billing;
using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Auth;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Plugins;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintCloud.Application.Tenants.Invitations;

public sealed record InviteUserCommand(string Email, IReadOnlyList<string> Roles);

/// <summary>The invitation and its token, shown this once: the admin passes it on to the invitee.</summary>
public sealed record IssuedInvitation(string Token, Invitation Invitation);

/// <summary>
/// A tenant admin invites a colleague with roles from the platform's (tenant admin, agent, viewer, report reader) and those the
/// tenant's policy names (e.g. CS supervisor, station manager).
/// </summary>
public sealed class InviteUserHandler(ComplaintCloudDbContext db, TenantContext tenantContext, TenantPolicies policies, BillingGate billing, IClock clock)
{
    public async Task<IssuedInvitation> HandleAsync(InviteUserCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var tenantId = tenantContext.RequireTenantAdmin("invite users");
        await billing.EnsureSeatAvailableAsync(tenantId, cancellationToken);
        var tenant = await db.Tenants.SingleAsync(t => t.Id == tenantId, cancellationToken);
        var policyRoles = policies.PluginOf(tenant).Policy!.Descriptor.Roles.Select(role => role.Code);
        var id = Guid.CreateVersion7();
        var (token, hash) = OpaqueTokens.Issue(id);
        var invitation = Invitation.Create(
            id, tenantId, command.Email, command.Roles, [.. PlatformRoles.All, .. policyRoles], hash, tenantContext.UserId!.Value, clock.GetCurrentInstant());
        if (await db.Users.AnyAsync(u => u.Email == invitation.Email, cancellationToken))
        {
            throw new DomainException(ErrorCode.Conflict, "Someone with this e-mail address is already a user.", "input.email");
        }

        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedInvitation(token, invitation);
    }
}
