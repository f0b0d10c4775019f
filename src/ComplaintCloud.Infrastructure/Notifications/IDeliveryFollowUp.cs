namespace ComplaintCloud.Infrastructure.Notifications;

/// <summary>
/// What a message's delivery settles beyond itself (the customer's acknowledgement meeting a clock), written in the
/// transaction that marks it sent, in a scope acting for its tenant.
/// </summary>
public interface IDeliveryFollowUp
{
    Task DeliveredAsync(OutboxMessage message, CancellationToken cancellationToken);
}
