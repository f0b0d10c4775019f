using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ComplaintCloud.Infrastructure.Billing;

/// <summary>Says once, at start, whether billing is on: a fresh machine has no Stripe key and every tenant unlimited.</summary>
internal sealed class BillingStartupLog(BillingSettings settings, ILogger<BillingStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (settings.Enabled)
        {
            logger.LogInformation("Billing is on: plans {Plans}, past-due grace period {Grace}.", string.Join(", ", settings.Plans.Select(p => p.Code)), settings.GracePeriod);
        }
        else
        {
            logger.LogWarning("Billing is off (Stripe:SecretKey is not set): every tenant has the unlimited development plan.");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
