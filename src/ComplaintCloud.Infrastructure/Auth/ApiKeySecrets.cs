namespace ComplaintCloud.Infrastructure.Auth;

/// <summary>
/// The text of an API key, <c>cck_&lt;tenant&gt;_&lt;key id&gt;_&lt;secret&gt;</c>: the tenant and id say where to look (the
/// tenant first, since row-level security shows a tenant's keys only to that tenant), the secret proves possession.
/// </summary>
public static class ApiKeySecrets
{
    private const string Prefix = "cck";

    public static (string Key, string SecretHash) Generate(Guid tenantId, Guid keyId)
    {
        var secret = OpaqueTokens.NewSecret();
        return (string.Join('_', Prefix, tenantId.ToString("N"), keyId.ToString("N"), secret), OpaqueTokens.Hash(secret));
    }

    /// <summary>The parts of a well-formed key; null for anything else.</summary>
    public static (Guid TenantId, Guid KeyId, string Secret)? Parse(string key)
    {
        var parts = key.Split('_');
        return parts.Length == 4 && parts[0] == Prefix
            && Guid.TryParseExact(parts[1], "N", out var tenantId) && Guid.TryParseExact(parts[2], "N", out var keyId)
            && parts[3].Length == OpaqueTokens.SecretLength
            ? (tenantId, keyId, parts[3])
            : null;
    }
}
