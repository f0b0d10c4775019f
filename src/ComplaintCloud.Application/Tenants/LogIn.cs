using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Auth;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintCloud.Application.Tenants;

public sealed record LogInCommand(string TenantSlug, string Email, string Password);

/// <summary>
/// Checks a user's password within a tenant and issues a token. After <see cref="User.MaxFailedLogIns"/> wrong passwords in a
/// row the account is locked for <see cref="User.LockoutDuration"/>, whatever password comes next. A deactivated user is refused.
/// </summary>
public sealed class LogInHandler(
    ComplaintCloudDbContext db,
    TenantContext tenantContext,
    TenantDirectory directory,
    IPasswordHasher<User> hasher,
    TokenService tokens,
    IClock clock)
{
    public async Task<AuthResult> HandleAsync(LogInCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        // One answer for an unknown tenant, unknown user and wrong password, so none can be probed.
        var refused = new DomainException(ErrorCode.Unauthenticated, "The tenant, e-mail or password is wrong.");
        var tenantId = await directory.FindIdAsync(command.TenantSlug, cancellationToken) ?? throw refused;
        tenantContext.UseTenant(tenantId);
        var tenant = await db.Tenants.SingleAsync(t => t.Id == tenantId, cancellationToken);
        var email = User.NormalizeEmail(command.Email);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Email == email, cancellationToken) ?? throw refused;
        var now = clock.GetCurrentInstant();
        if (user.IsLockedOut(now))
        {
            throw new DomainException(
                ErrorCode.Unauthenticated, $"Too many wrong passwords: log-in is locked for {User.LockoutDuration.TotalMinutes:0} minutes.");
        }

        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, command.Password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            user.RecordFailedLogIn(now);
            await db.SaveChangesAsync(cancellationToken);
            throw refused;
        }

        if (!user.IsActive)
        {
            // Only someone who knows the password learns this.
            throw new DomainException(ErrorCode.Unauthenticated, "This account is deactivated; ask your tenant admin.");
        }

        var changed = user.RecordSuccessfulLogIn();
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.ChangePasswordHash(hasher.HashPassword(user, command.Password));
            changed = true;
        }

        if (changed)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return new AuthResult(tokens.Issue(tenant, user), tenant, user);
    }
}
