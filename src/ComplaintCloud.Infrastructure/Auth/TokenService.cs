using System.Security.Claims;
using System.Text;
using ComplaintCloud.Domain.Tenants;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NodaTime;

namespace ComplaintCloud.Infrastructure.Auth;

/// <summary>Issues the signed tokens that carry a user's tenant and roles.</summary>
public sealed class TokenService(AuthSettings settings, IClock clock)
{
    public const string Issuer = "complaintcloud";
    public const string TenantIdClaim = "tid";
    public const string TenantSlugClaim = "tslug";
    public const string RoleClaim = "role";

    /// <summary>The user's <see cref="User.SecurityStamp"/> when the token was issued.</summary>
    public const string SecurityStampClaim = "sstamp";

    public string Issue(Tenant tenant, User user)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(user);
        var now = clock.GetCurrentInstant().ToDateTimeUtc();
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, user.Id.ToString()),
            new(JwtRegisteredClaimNames.Email, user.Email),
            new(TenantIdClaim, tenant.Id.ToString()),
            new(TenantSlugClaim, tenant.Slug),
            new(SecurityStampClaim, user.SecurityStamp),
        };
        claims.AddRange(user.Roles.Select(role => new Claim(RoleClaim, role)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + settings.TokenLifetime,
            SigningCredentials = new SigningCredentials(settings.SecurityKey, SecurityAlgorithms.HmacSha256),
        });
    }
}

/// <summary>The token signing key (Auth:SigningKey) and lifetime, and the page a password-reset link opens (Auth:PasswordResetUrl).</summary>
public sealed class AuthSettings(string signingKey, TimeSpan tokenLifetime, Uri passwordResetUrl)
{
    public const int MinimumKeyBytes = 32;

    public SymmetricSecurityKey SecurityKey { get; } = CreateKey(signingKey);
    public TimeSpan TokenLifetime { get; } = tokenLifetime;
    public Uri PasswordResetUrl { get; } = passwordResetUrl;

    private static SymmetricSecurityKey CreateKey(string signingKey)
    {
        var bytes = Encoding.UTF8.GetBytes(signingKey);
        return bytes.Length >= MinimumKeyBytes
            ? new SymmetricSecurityKey(bytes)
            : throw new InvalidOperationException($"Auth:SigningKey must be at least {MinimumKeyBytes} bytes.");
    }
}
