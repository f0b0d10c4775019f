using System.Globalization;
using ComplaintCloud.Domain.Billing;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace ComplaintCloud.Infrastructure.Billing;

/// <summary>
/// Stripe keys, the plans and the grace period, read from configuration. Without <c>Stripe:SecretKey</c> billing is
/// off: every tenant is on <see cref="Plan.Development"/> and nothing is limited.
/// </summary>
public sealed class BillingSettings
{
    public const int DefaultGracePeriodDays = 7;

    private BillingSettings(
        string? secretKey, string? webhookSecret, string? apiBase, Duration gracePeriod, Uri returnUrl, IReadOnlyList<Plan> plans)
    {
        SecretKey = secretKey;
        WebhookSecret = webhookSecret;
        ApiBase = apiBase;
        GracePeriod = gracePeriod;
        ReturnUrl = returnUrl;
        Plans = plans;
    }

    public bool Enabled => SecretKey is not null;
    public string? SecretKey { get; }
    public string? WebhookSecret { get; }

    /// <summary>Stripe's API, or a local test double of it.</summary>
    public string? ApiBase { get; }

    /// <summary>How long a past-due subscription keeps full service.</summary>
    public Duration GracePeriod { get; }

    /// <summary>Where Checkout and the billing portal send the customer back to.</summary>
    public Uri ReturnUrl { get; }
    public IReadOnlyList<Plan> Plans { get; }

    public Plan Free => Find(Plan.FreeCode) ?? throw new InvalidOperationException("Billing:Plans must declare FREE.");

    public Plan? Find(string code) => Plans.FirstOrDefault(p => p.Code == code);

    public Plan? ForPrice(string priceId) => Plans.FirstOrDefault(p => p.StripePriceId == priceId);

    public static BillingSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var secretKey = NullIfEmpty(configuration["Stripe:SecretKey"]);
        var webhookSecret = NullIfEmpty(configuration["Stripe:WebhookSecret"]);
        if (secretKey is not null && webhookSecret is null)
        {
            throw new InvalidOperationException("Stripe:SecretKey is set but Stripe:WebhookSecret is not: webhooks could not be verified.");
        }

        var plans = configuration.GetSection("Billing:Plans").GetChildren().Select(ReadPlan).ToList();
        var settings = new BillingSettings(
            secretKey,
            webhookSecret,
            NullIfEmpty(configuration["Stripe:ApiBase"]),
            Duration.FromDays(configuration.GetValue("Billing:GracePeriodDays", DefaultGracePeriodDays)),
            new Uri(configuration["Billing:ReturnUrl"] ?? "http://127.0.0.1:5080/"),
            plans);
        if (settings.Enabled)
        {
            _ = settings.Free;
        }

        return settings;
    }

    private static Plan ReadPlan(IConfigurationSection section)
    {
        var code = section.Key.ToUpperInvariant();
        return new Plan(
            code,
            section["Name"] ?? code,
            NullIfEmpty(section["StripePriceId"]),
            new PlanLimits(
                Limit(section, "ComplaintsPerMonth"),
                Limit(section, "AgentSeats"),
                section.GetValue("CustomPolicyAllowed", false),
                section.GetValue("ApiKeysAllowed", false)));
    }

    // An absent or empty limit is unlimited.
    private static int? Limit(IConfigurationSection plan, string name) =>
        NullIfEmpty(plan[name]) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
