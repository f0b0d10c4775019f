using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintCloud.Infrastructure.Notifications;

public static class NotificationServices
{
    /// <summary>The outbox dispatcher and the channels configured: the webhook when <c>Notifications:Webhook:Url</c>
    /// and <c>Notifications:Webhook:Secret</c> are set.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration["Notifications:Webhook:Url"] is { Length: > 0 } url)
        {
            var secret = configuration["Notifications:Webhook:Secret"]
                ?? throw new InvalidOperationException("Set Notifications:Webhook:Secret to sign the webhooks.");
            services.AddSingleton(new WebhookSettings(new Uri(url), secret));
            services.AddHttpClient<WebhookChannel>(http => http.Timeout = TimeSpan.FromSeconds(10));
            services.AddTransient<INotificationChannel>(provider => provider.GetRequiredService<WebhookChannel>());
        }

        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxDispatchLoop>();
        return services;
    }
}
