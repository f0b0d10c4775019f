using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace ComplaintCloud.Infrastructure.Auth;

/// <summary>
/// Links from a customer's messages to their complaint's tracking page (<c>&lt;Console:PublicUrl&gt;/&lt;slug&gt;/track?t=…</c>),
/// so they need not type the number and contact. The token names one complaint of one tenant until it expires, signed
/// with a key derived from Auth:SigningKey for this purpose only: it is no bearer token and grants no staff rights. It
/// is short (48 characters) because it travels in text messages.
/// </summary>
public sealed class TrackingLinks(AuthSettings auth, Uri? consolePublicUrl, IClock clock)
{
    public const string PublicUrlKey = "Console:PublicUrl";

    /// <summary>Long enough for the callback survey, answered days after resolution (seed 003: within 3 working days).</summary>
    public static readonly Duration Lifetime = Duration.FromDays(30);

    private const int IdBytes = 16;
    private const int ExpiryBytes = 8;
    private const int SignatureBytes = 12;

    private readonly byte[] _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, auth.SecurityKey.Key, 32, info: "complaintcloud tracking link"u8.ToArray());

    /// <summary>The console's public address from <c>Console:PublicUrl</c> (absolute https), or null when not set.</summary>
    public static Uri? ReadPublicUrl(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[PublicUrlKey] is not { Length: > 0 } value)
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps
            ? url
            : throw new InvalidOperationException($"{PublicUrlKey} must be an absolute https address, such as https://desk.example.com.");
    }

    /// <summary>The tracking page's link for the complaint, or null when the console's public address is not set.</summary>
    public string? LinkFor(string tenantSlug, Guid tenantId, Guid complaintId) =>
        consolePublicUrl is null ? null : $"{consolePublicUrl.AbsoluteUri.TrimEnd('/')}/{tenantSlug}/track?t={Issue(tenantId, complaintId)}";

    public string Issue(Guid tenantId, Guid complaintId)
    {
        var token = new byte[IdBytes + ExpiryBytes + SignatureBytes];
        complaintId.TryWriteBytes(token.AsSpan(0, IdBytes));
        BinaryPrimitives.WriteInt64BigEndian(token.AsSpan(IdBytes, ExpiryBytes), (clock.GetCurrentInstant() + Lifetime).ToUnixTimeSeconds());
        Sign(tenantId, token.AsSpan(0, IdBytes + ExpiryBytes)).CopyTo(token.AsSpan(IdBytes + ExpiryBytes));
        return Base64Url.EncodeToString(token);
    }

    /// <summary>The complaint a token names, or null when it is malformed, tampered with, expired or another tenant's.</summary>
    public Guid? Read(string token, Guid tenantId)
    {
        ArgumentNullException.ThrowIfNull(token);
        var bytes = new byte[IdBytes + ExpiryBytes + SignatureBytes];
        if (!Base64Url.IsValid(token, out var length) || length != bytes.Length || Base64Url.DecodeFromChars(token, bytes) != bytes.Length)
        {
            return null;
        }

        var signed = bytes.AsSpan(0, IdBytes + ExpiryBytes);
        if (!CryptographicOperations.FixedTimeEquals(Sign(tenantId, signed), bytes.AsSpan(IdBytes + ExpiryBytes)))
        {
            return null;
        }

        var expiresAt = Instant.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(IdBytes, ExpiryBytes)));
        return expiresAt > clock.GetCurrentInstant() ? new Guid(bytes.AsSpan(0, IdBytes)) : null;
    }

    // The tenant is signed, not carried: a token taken to another tenant's page fails like a forged one.
    private byte[] Sign(Guid tenantId, ReadOnlySpan<byte> content)
    {
        var message = new byte[IdBytes + content.Length];
        tenantId.TryWriteBytes(message.AsSpan(0, IdBytes));
        content.CopyTo(message.AsSpan(IdBytes));
        return HMACSHA256.HashData(_key, message)[..SignatureBytes];
    }
}
