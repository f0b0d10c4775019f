namespace ComplaintCloud.Infrastructure.Notifications;

/// <summary>A way of delivering outbox messages (webhook, e-mail, SMS…); throws when delivery failed, to be retried.</summary>
public interface INotificationChannel
{
    /// <summary>The name outbox messages give in their channel column.</summary>
    string Name { get; }

    Task SendAsync(Delivery delivery, CancellationToken cancellationToken);
}
