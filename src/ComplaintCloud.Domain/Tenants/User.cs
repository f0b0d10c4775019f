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
        SecurityStamp = NewSecurityStamp();
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }

    /// <summary>Lower-cased; unique within the tenant.</summary>
    public string Email { get; private set; }
    public string PasswordHash { get; private set; }
    public IReadOnlyList<string> Roles { get; private set; }
    public Instant CreatedAt { get; private set; }

    public const int MinPasswordLength = 10;

    /// <summary>Wrong passwords in a row that lock the account for <see cref="LockoutDuration"/>.</summary>
    public const int MaxFailedLogIns = 5;
    public static readonly Duration LockoutDuration = Duration.FromMinutes(15);

    /// <summary>Wrong passwords since the last successful log-in or lockout.</summary>
    public int FailedLogIns { get; private set; }
    public Instant? LockedUntil { get; private set; }

    /// <summary>
    /// Changes with the user's credentials (password, deactivation, signing out everywhere). A token carries the stamp
    /// it was issued under and is refused once the stamp differs, so every older token ends at once.
    /// </summary>
    public string SecurityStamp { get; private set; }

    /// <summary>Set by a tenant admin: the user can no longer sign in, and their tokens stop working.</summary>
    public Instant? DeactivatedAt { get; private set; }
    public bool IsActive => DeactivatedAt is null;

    /// <summary>How long a password-reset link works.</summary>
    public static readonly Duration PasswordResetLifetime = Duration.FromHours(1);

    /// <summary>The SHA-256 of the one open password-reset secret; a newer request replaces it, using it clears it.</summary>
    public string? PasswordResetHash { get; private set; }
    public Instant? PasswordResetExpiresAt { get; private set; }

    /// <summary>Creates a user; <paramref name="hashPassword"/> is the platform's password hasher.</summary>
    public static User Create(Guid tenantId, string email, string password, IReadOnlyList<string> roles, Func<string, string> hashPassword, Instant now, string fieldPrefix)
    {
        ArgumentNullException.ThrowIfNull(hashPassword);
        ValidateEmail(email, $"{fieldPrefix}Email");
        ValidatePassword(password, $"{fieldPrefix}Password");

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

    /// <summary>Refuses anything but one plain e-mail address, naming <paramref name="field"/>.</summary>
    public static void ValidateEmail(string email, string field)
    {
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email.Trim() || email.Length > 254)
        {
            throw new DomainException(ErrorCode.BadUserInput, "The e-mail address is not valid.", field);
        }
    }

    /// <summary>Refuses a password shorter than <see cref="MinPasswordLength"/> or longer than 200 characters, naming <paramref name="field"/>.</summary>
    public static void ValidatePassword(string password, string field)
    {
        if (password is null || password.Length < MinPasswordLength || password.Length > 200)
        {
            throw new DomainException(ErrorCode.BadUserInput, $"The password must have {MinPasswordLength} to 200 characters.", field);
        }
    }

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    /// <summary>The same password, hashed anew (a stronger hasher): no credential change, tokens stay valid.</summary>
    public void ChangePasswordHash(string passwordHash) => PasswordHash = passwordHash;

    /// <summary>A new password (changed by the user or through a reset): every token issued before ends, and so does an open reset.</summary>
    public void ChangePassword(string passwordHash)
    {
        PasswordHash = passwordHash;
        PasswordResetHash = null;
        PasswordResetExpiresAt = null;
        FailedLogIns = 0;
        LockedUntil = null;
        SignOutEverywhere();
    }

    /// <summary>Ends every token issued so far.</summary>
    public void SignOutEverywhere() => SecurityStamp = NewSecurityStamp();

    public void Deactivate(Instant now)
    {
        if (!IsActive)
        {
            throw new DomainException(ErrorCode.Conflict, "This user is deactivated already.", "input.userId");
        }

        DeactivatedAt = now;
        PasswordResetHash = null;
        PasswordResetExpiresAt = null;
        SignOutEverywhere();
    }

    public void Reactivate() =>
        DeactivatedAt = IsActive ? throw new DomainException(ErrorCode.Conflict, "This user is active already.", "input.userId") : null;

    /// <summary>Opens a password reset for <see cref="PasswordResetLifetime"/>, replacing any open one.</summary>
    public void StartPasswordReset(string secretHash, Instant now)
    {
        PasswordResetHash = secretHash;
        PasswordResetExpiresAt = now + PasswordResetLifetime;
    }

    public bool IsPasswordResetOpen(Instant now) => IsActive && PasswordResetHash is not null && now < PasswordResetExpiresAt;

    private static string NewSecurityStamp() => Guid.NewGuid().ToString("N");

    public bool IsLockedOut(Instant now) => LockedUntil > now;

    /// <summary>Counts a wrong password; the <see cref="MaxFailedLogIns"/>th in a row locks the account.</summary>
    public void RecordFailedLogIn(Instant now)
    {
        FailedLogIns++;
        if (FailedLogIns >= MaxFailedLogIns)
        {
            LockedUntil = now + LockoutDuration;
            FailedLogIns = 0;
        }
    }

    /// <summary>A right password forgives earlier wrong ones. Returns whether anything changed.</summary>
    public bool RecordSuccessfulLogIn()
    {
        var changed = FailedLogIns != 0 || LockedUntil is not null;
        FailedLogIns = 0;
        LockedUntil = null;
        return changed;
    }
}

/// <summary>Roles every tenant has, beside those its policy names.</summary>
public static class PlatformRoles
{
    public const string TenantAdmin = "TENANT_ADMIN";
    public const string Agent = "AGENT";
    public const string Viewer = "VIEWER";

    /// <summary>Reads the reports and their exports, which a tenant admin may too: granted on purpose, because they
    /// carry the customers' words and the penalty points charged to named people.</summary>
    public const string ReportReader = "REPORT_READER";

    /// <summary>The platform roles a tenant admin may give, beside the policy's.</summary>
    public static IReadOnlyList<string> All { get; } = [TenantAdmin, Agent, Viewer, ReportReader];
}
