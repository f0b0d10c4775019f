using ComplaintCloud.Domain;
using NodaTime;

namespace ComplaintCloud.Infrastructure.Data;

/// <summary>Remembers which complaint an Idempotency-Key produced, so a retry returns it instead of a second one.</summary>
public sealed class IdempotencyRecord : ITenantOwned
{
    public required Guid TenantId { get; init; }
    public required string Key { get; init; }

    /// <summary>SHA-256 of the request, so the same key with a different request is refused.</summary>
    public required string RequestHash { get; init; }
    public required Guid ComplaintId { get; init; }
    public required Instant CreatedAt { get; init; }
}
