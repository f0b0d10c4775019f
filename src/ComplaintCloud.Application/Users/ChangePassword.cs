using ComplaintCloud.Application.Tenants;
using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Auth;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace ComplaintCloud.Application.Users;

public sealed record ChangePasswordCommand(string CurrentPassword, string NewPassword);

/// <summary>
/// A signed-in user changes their own password, proving the current one. Every token issued before ends, on every
/// device; the caller gets a fresh one.
/// </summary>
public sealed class ChangePasswordHandler(
    ComplaintCloudDbContext db, TenantContext tenantContext, IPasswordHasher<User> hasher, TokenService tokens, RecentSignIns recentSignIns)
{
    public async Task<AuthResult> HandleAsync(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (tenant, user) = await SignedInUser.LoadAsync(db, tenantContext, cancellationToken);
        if (hasher.VerifyHashedPassword(user, user.PasswordHash, command.CurrentPassword) == PasswordVerificationResult.Failed)
        {
            throw new DomainException(ErrorCode.BadUserInput, "The current password is wrong.", "input.currentPassword");
        }

        User.ValidatePassword(command.NewPassword, "input.newPassword");
        user.ChangePassword(hasher.HashPassword(user, command.NewPassword));
        await db.SaveChangesAsync(cancellationToken);
        recentSignIns.Forget(user.Id);
        return new AuthResult(tokens.Issue(tenant, user), tenant, user);
    }
}
