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

    /// <summary>Wrong passwords in a row that lock the account for <see cref="LockoutDuration"/>.</summary>
    public const int MaxFailedLogIns = 5;
    public static readonly Duration LockoutDuration = Duration.FromMinutes(15);

    /// <summary>Wrong passwords since the last successful log-in or lockout.</summary>
    public int FailedLogIns { get; private set; }
    public Instant? LockedUntil { get; private set; }

    /// <summary>Creates a user; <paramref name="hashPassword"/> is the platform's password hasher.</summary>
    public static User Create(Guid tenantId, string email, string password, IReadOnlyList<string> roles, Func<string, string> hashPassword, Instant now, string fieldPrefix)
    {
        ArgumentNullException.ThrowIfNull(hashPassword);
        ValidateEmail(email, $"{fieldPrefix}Email");

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

    /// <summary>Refuses anything but one plain e-mail address, naming <paramref name="field"/>.</summary>
    public static void ValidateEmail(string email, string field)
    {
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email.Trim() || email.Length > 254)
        {
            throw new DomainException(ErrorCode.BadUserInput, "The e-mail address is not valid.", field);
        }
    }

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public void ChangePasswordHash(string passwordHash) => PasswordHash = passwordHash;

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
