using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Auth;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Application.Tenants;

public sealed record LogInCommand(string TenantSlug, string Email, string Password);

/// <summary>Checks a user's password within a tenant and issues a token.</summary>
public sealed class LogInHandler(
    ComplaintCloudDbContext db,
    TenantContext tenantContext,
    TenantDirectory directory,
    IPasswordHasher<User> hasher,
    TokenService tokens)
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
        switch (hasher.VerifyHashedPassword(user, user.PasswordHash, command.Password))
        {
            case PasswordVerificationResult.Failed:
                throw refused;
            case PasswordVerificationResult.SuccessRehashNeeded:
                user.ChangePasswordHash(hasher.HashPassword(user, command.Password));
                await db.SaveChangesAsync(cancellationToken);
                break;
        }

        return new AuthResult(tokens.Issue(tenant, user), tenant, user);
    }
}
