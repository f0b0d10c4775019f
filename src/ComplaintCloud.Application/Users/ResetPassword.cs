using ComplaintCloud.Application.Tenants;
using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Auth;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintCloud.Application.Users;

public sealed record ResetPasswordCommand(string TenantSlug, string Token, string NewPassword);

/// <summary>
/// The holder of a reset link chooses a new password, once, before the link expires; every earlier token of the user
/// ends and the holder is signed in.
/// </summary>
public sealed class ResetPasswordHandler(
    ComplaintCloudDbContext db, TenantContext tenantContext, TenantDirectory directory, IPasswordHasher<User> hasher, TokenService tokens,
    RecentSignIns recentSignIns, IClock clock)
{
    public async Task<AuthResult> HandleAsync(ResetPasswordCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        // One answer for an unknown tenant, a malformed token, a wrong secret, a used or expired link.
        var invalid = new DomainException(ErrorCode.BadUserInput, "This reset link was used or has expired; ask for a new one.", "input.token");
        var tenantId = await directory.FindIdAsync(command.TenantSlug, cancellationToken) ?? throw invalid;
        tenantContext.UseTenant(tenantId);
        if (OpaqueTokens.Parse(command.Token) is not var (userId, secret))
        {
            throw invalid;
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || !user.IsPasswordResetOpen(clock.GetCurrentInstant()) || !OpaqueTokens.Matches(secret, user.PasswordResetHash!))
        {
            throw invalid;
        }

        User.ValidatePassword(command.NewPassword, "input.newPassword");
        // Claimed in one statement first, so two racing uses of one link cannot both succeed.
        var claimed = await db.Users
            .Where(u => u.Id == userId && u.PasswordResetHash == user.PasswordResetHash)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.PasswordResetHash, (string?)null), cancellationToken);
        if (claimed == 0)
        {
            throw invalid;
        }

        user.ChangePassword(hasher.HashPassword(user, command.NewPassword));
        await db.SaveChangesAsync(cancellationToken);
        recentSignIns.Forget(user.Id);
        var tenant = await db.Tenants.SingleAsync(t => t.Id == tenantId, cancellationToken);
        return new AuthResult(tokens.Issue(tenant, user), tenant, user);
    }
}
