using System.Net.Mail;
using NodaTime;

namespace ComplaintCloud.Domain.Tenants;

/// <summary>A person working a tenant's complaint desk.</summary>
public sealed class User : ITenantOwned
{
    private User()
    {
        Email = string.Empty;
        PasswordHash = string.Empty;
        Roles = [];
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }

    /// <summary>Lower-cased; unique within the tenant.</summary>
    public string Email { get; private set; }
    public string PasswordHash { get; private set; }
    public IReadOnlyList<string> Roles { get; private set; }
    public Instant CreatedAt { get; private set; }

    public const int MinPasswordLength = 10;

    /// <summary>Creates a user; <paramref name="hashPassword"/> is the platform's password hasher.</summary>
    public static User Create(Guid tenantId, string email, string password, IReadOnlyList<string> roles, Func<string, string> hashPassword, Instant now, string fieldPrefix)
    {
        ArgumentNullException.ThrowIfNull(hashPassword);
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email.Trim() || email.Length > 254)
        {
            throw new DomainException(ErrorCode.BadUserInput, "The e-mail address is not valid.", $"{fieldPrefix}Email");
        }

        if (password is null || password.Length < MinPasswordLength || password.Length > 200)
        {
            throw new DomainException(ErrorCode.BadUserInput, $"The password must have {MinPasswordLength} to 200 characters.", $"{fieldPrefix}Password");
        }

        return new User
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            Email = NormalizeEmail(email),
            PasswordHash = hashPassword(password),
            Roles = roles,
            CreatedAt = now,
        };
    }

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public void ChangePasswordHash(string passwordHash) => PasswordHash = passwordHash;
}

/// <summary>Roles every tenant has, beside those its policy names.</summary>
public static class PlatformRoles
{
    public const string TenantAdmin = "TENANT_ADMIN";
    public const string Agent = "AGENT";
    public const string Viewer = "VIEWER";
}
