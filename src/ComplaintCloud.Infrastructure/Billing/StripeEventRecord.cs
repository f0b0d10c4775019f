using NodaTime;

namespace ComplaintCloud.Infrastructure.Billing;

/// <summary>
/// A Stripe event we have taken, by its id: the unique key makes a redelivered event a no-op. Platform-level (an
/// event may name no tenant we know), so not tenant-owned.
/// </summary>
public sealed class StripeEventRecord
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public Guid? TenantId { get; init; }
    public required Instant ReceivedAt { get; init; }
}
