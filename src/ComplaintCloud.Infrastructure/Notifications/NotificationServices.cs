using ComplaintCloud.Infrastructure.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ComplaintCloud.Infrastructure.Notifications;

public static class NotificationServices
{
    /// <summary>The outbox dispatcher and the channels configured: e-mail when <c>Notifications:Email:Host</c> is set,
    /// SMS when <c>Notifications:Sms:Url</c> is, the webhook when <c>Notifications:Webhook:Url</c> and
    /// <c>Notifications:Webhook:Secret</c> are; links to the tracking page in customers' messages when
    /// <c>Console:PublicUrl</c> is.</summary>
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

        if (EmailSettings.Read(configuration) is { } email)
        {
            services.AddSingleton(email);
            // Scoped: an instance per dispatch round, holding the round's relay connections.
            services.AddScoped<INotificationChannel, EmailChannel>();
        }

        if (SmsSettings.Read(configuration) is { } sms)
        {
            services.AddSingleton(sms);
            services.AddHttpClient<ISmsProvider, FormPostSmsProvider>(http => http.Timeout = TimeSpan.FromSeconds(10));
            services.AddTransient<INotificationChannel, SmsChannel>();
        }

        var consolePublicUrl = TrackingLinks.ReadPublicUrl(configuration);
        services.AddSingleton(provider => new TrackingLinks(provider.GetRequiredService<AuthSettings>(), consolePublicUrl, provider.GetRequiredService<IClock>()));
        services.AddScoped<NotificationComposer>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxDispatchLoop>();
        return services;
    }
}
