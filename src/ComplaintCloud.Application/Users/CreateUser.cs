using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Plugins;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintCloud.Application.Users;

public sealed record CreateUserCommand(string Email, string Password, IReadOnlyList<string> Roles);

/// <summary>
/// A tenant admin adds a user with a password and roles: platform roles or roles the tenant's policy declares.
/// Minimal on purpose; invitations are their own feature.
/// </summary>
public sealed class CreateUserHandler(
    ComplaintCloudDbContext db, TenantContext tenantContext, TenantPolicies policies, IPasswordHasher<User> hasher, IClock clock)
{
    public async Task<User> HandleAsync(CreateUserCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var tenantId = tenantContext.RequireTenantAdmin("add users");

        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, cancellationToken);
        var policyRoles = policies.PluginOf(tenant).Policy!.Descriptor.Roles.Select(r => r.Code);
        var unknown = command.Roles.Except(PlatformRoles.All.Concat(policyRoles)).ToList();
        if (command.Roles.Count == 0 || unknown.Count > 0)
        {
            throw new DomainException(ErrorCode.BadUserInput, $"Give at least one role, each a platform role or one of the policy's; unknown: {string.Join(", ", unknown)}.", "input.roles");
        }

        // User.Create names fields after a prefix ("input.admin" + "Email"); ours are input.email and input.password.
        User user;
        try
        {
            user = User.Create(tenantId, command.Email, command.Password, [.. command.Roles.Distinct()], p => hasher.HashPassword(null!, p), clock.GetCurrentInstant(), "input.");
        }
        catch (DomainException e) when (e.Field is not null)
        {
            throw new DomainException(e.Code, e.Message, e.Field.ToLowerInvariant());
        }

        if (await db.Users.AnyAsync(u => u.Email == user.Email, cancellationToken))
        {
            throw new DomainException(ErrorCode.Conflict, "A user with this e-mail exists.", "input.email");
        }

        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            throw new DomainException(ErrorCode.Conflict, "A user with this e-mail exists.", "input.email");
        }

        return user;
    }
}
