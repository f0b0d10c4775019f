using System.Security.Cryptography;
using System.Text;

namespace ComplaintCloud.Infrastructure.Auth;

/// <summary>
/// Random 256-bit secrets handed out once (API keys, invitations), of which only a SHA-256 is kept: a slow password
/// hash adds nothing to a secret this long.
/// </summary>
public static class OpaqueTokens
{
    public const int SecretLength = 64;

    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string secret, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(hash));

    /// <summary><c>&lt;id&gt;.&lt;secret&gt;</c>, for tokens looked up by id within a known tenant.</summary>
    public static (string Token, string Hash) Issue(Guid id)
    {
        var secret = NewSecret();
        return ($"{id:N}.{secret}", Hash(secret));
    }

    public static (Guid Id, string Secret)? Parse(string token)
    {
        var parts = token.Split('.');
        return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var id) && parts[1].Length == SecretLength ? (id, parts[1]) : null;
    }
}
