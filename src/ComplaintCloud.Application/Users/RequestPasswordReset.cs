using System.Globalization;
using System.Text.Json;
using ComplaintCloud.Infrastructure.Auth;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Notifications;
using ComplaintCloud.Infrastructure.Tenancy;
using ComplaintCloud.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintCloud.Application.Users;

public sealed record RequestPasswordResetCommand(string TenantSlug, string Email);

/// <summary>
/// Someone who forgot their password asks for a reset: an active user of that e-mail address in the tenant gets a
/// one-time link through the outbox's e-mail channel, valid for <see cref="User.PasswordResetLifetime"/>; only a hash
/// of its secret is kept, and a newer request replaces it. The answer is the same whether or not such a user exists,
/// so nobody can probe for accounts.
/// </summary>
public sealed class RequestPasswordResetHandler(
    ComplaintCloudDbContext db, TenantContext tenantContext, TenantDirectory directory, AuthSettings settings, IClock clock)
{
    public const string Topic = "PASSWORD_RESET";

    /// <summary>The outbox channel that delivers e-mail.</summary>
    public const string EmailChannel = "email";

    public async Task HandleAsync(RequestPasswordResetCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (await directory.FindIdAsync(command.TenantSlug, cancellationToken) is not { } tenantId)
        {
            return;
        }

        tenantContext.UseTenant(tenantId);
        var email = User.NormalizeEmail(command.Email);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
        if (user is not { IsActive: true })
        {
            return;
        }

        var now = clock.GetCurrentInstant();
        var (token, hash) = OpaqueTokens.Issue(user.Id);
        user.StartPasswordReset(hash, now);
        var link = $"{settings.PasswordResetUrl}?tenant={Uri.EscapeDataString(command.TenantSlug.Trim().ToLowerInvariant())}&token={token}";
        var expiresAt = user.PasswordResetExpiresAt!.Value.ToDateTimeUtc().ToString("u", CultureInfo.InvariantCulture);
        var payload = JsonSerializer.Serialize(new
        {
            email = user.Email,
            link,
            expiresAt,
            text = new
            {
                en = $"To choose a new ComplaintCloud password, open {link} before {expiresAt}. If you did not ask for this, ignore this message.",
                zh = $"请在 {expiresAt} 前打开 {link} 设置新的 ComplaintCloud 密码。如果这不是您本人的请求，请忽略本邮件。",
            },
        });
        db.OutboxMessages.Add(OutboxMessage.Create(tenantId, null, EmailChannel, user.Email, Topic, payload, $"password-reset:{hash}", now));
        await db.SaveChangesAsync(cancellationToken);
    }
}
