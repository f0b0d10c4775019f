using NodaTime;

namespace ComplaintCloud.Domain.Tenants;

/// <summary>
/// A tenant's key for a system that pushes complaints (call-centre software, a channel gateway). Only a hash of its
/// secret is kept; its scopes name what it may do; a revoked key stays on record but opens nothing.
/// </summary>
public sealed class ApiKey : ITenantOwned
{
    public const int MaxNameLength = 100;

    private ApiKey()
    {
        Name = string.Empty;
        SecretHash = string.Empty;
        Scopes = [];
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string Name { get; private set; }
    public IReadOnlyList<string> Scopes { get; private set; }
    public string SecretHash { get; private set; }
    public Guid CreatedBy { get; private set; }
    public Instant CreatedAt { get; private set; }
    public Instant? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public static ApiKey Create(Guid id, Guid tenantId, string name, IReadOnlyList<string> scopes, string secretHash, Guid createdBy, Instant now)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
        {
            throw new DomainException(ErrorCode.BadUserInput, $"Name the key in 1 to {MaxNameLength} characters.", "input.name");
        }

        if (scopes.Count == 0 || scopes.Any(scope => !ApiKeyScopes.All.Contains(scope)))
        {
            throw new DomainException(
                ErrorCode.BadUserInput, $"Give the key one or more of the scopes {string.Join(", ", ApiKeyScopes.All)}.", "input.scopes");
        }

        return new ApiKey
        {
            Id = id, TenantId = tenantId, Name = name.Trim(), Scopes = scopes.Distinct().ToList(), SecretHash = secretHash, CreatedBy = createdBy, CreatedAt = now,
        };
    }

    public void Revoke(Instant now) => RevokedAt ??= now;
}

/// <summary>What an API key may be allowed to do.</summary>
public static class ApiKeyScopes
{
    public const string SubmitComplaints = "complaints:submit";
    public const string ReadComplaints = "complaints:read";

    public static IReadOnlyList<string> All { get; } = [SubmitComplaints, ReadComplaints];
}
