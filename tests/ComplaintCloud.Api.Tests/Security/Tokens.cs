using System.Security.Claims;
using System.Text;
using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Infrastructure.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ComplaintCloud.Api.Tests.Security;

/// <summary>Tokens the service did not issue as they stand: expired, signed with another key, or for a user it does not know.</summary>
public static class Tokens
{
    /// <summary>Signed with the service's own key, in time, but naming a user of no security stamp.</summary>
    public static string ForUnknownUser(SignedInTenant tenant, string userId) =>
        Make(tenant, userId, ApiFixture.SigningKey, DateTime.UtcNow, DateTime.UtcNow.AddHours(1));

    public static string Expired(SignedInTenant tenant, string userId) =>
        Make(tenant, userId, ApiFixture.SigningKey, DateTime.UtcNow.AddHours(-3), DateTime.UtcNow.AddHours(-1));

    public static string SignedWithAnotherKey(SignedInTenant tenant, string userId) =>
        Make(tenant, userId, "an-attackers-signing-key-that-is-long-enough-000", DateTime.UtcNow, DateTime.UtcNow.AddHours(1));

    private static string Make(SignedInTenant tenant, string userId, string key, DateTime issued, DateTime expires) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TokenService.Issuer,
            Audience = TokenService.Issuer,
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, userId),
                new Claim(TokenService.TenantIdClaim, tenant.TenantId),
                new Claim(TokenService.TenantSlugClaim, tenant.Slug),
                new Claim(TokenService.RoleClaim, "TENANT_ADMIN"),
            ]),
            IssuedAt = issued,
            NotBefore = issued,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
}
