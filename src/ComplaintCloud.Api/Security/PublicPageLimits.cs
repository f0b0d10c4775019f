using System.Threading.RateLimiting;
using ComplaintCloud.Domain;
using ComplaintCloud.Infrastructure.Tenancy;

namespace ComplaintCloud.Api.Security;

/// <summary>
/// What a tenant's public pages let one client address do per hour, far below the general per-IP limit: complaints
/// sent through the feedback form (RateLimits:PublicSubmissionsPerHour) — with the form's hidden field, the bot check
/// that needs no third-party service — and tries of a number and contact on the tracking page
/// (RateLimits:PublicLookupsPerHour), so that guessing them is slow; and the sign-up form's slug checks
/// (RateLimits:SlugChecksPerHour). Counted per service instance, per tenant (none for slug checks) and address.
/// </summary>
public sealed class PublicPageLimits(IConfiguration configuration) : IDisposable
{
    public const int DefaultSubmissionsPerHour = 10;
    public const int DefaultLookupsPerHour = 20;
    public const int DefaultSlugChecksPerHour = 60;
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private readonly PartitionedRateLimiter<string> _submissions = PerHour(configuration.GetValue("RateLimits:PublicSubmissionsPerHour", DefaultSubmissionsPerHour));
    private readonly PartitionedRateLimiter<string> _lookups = PerHour(configuration.GetValue("RateLimits:PublicLookupsPerHour", DefaultLookupsPerHour));
    private readonly PartitionedRateLimiter<string> _slugChecks = PerHour(configuration.GetValue("RateLimits:SlugChecksPerHour", DefaultSlugChecksPerHour));

    /// <summary>Counts one submission of the caller; RATE_LIMITED once the hour's are used up.</summary>
    public void TakeSubmission(HttpContext context) => Take(_submissions, context, "Too many complaints from this address; try again in an hour, or call us.");

    /// <summary>Counts one try of a number and contact, right or wrong; RATE_LIMITED once the hour's are used up.</summary>
    public void TakeLookup(HttpContext context) => Take(_lookups, context, "Too many tries from this address; try again in an hour, or call us.");

    /// <summary>Counts one check of a slug's availability, so the sign-up form cannot be used to list the tenants.</summary>
    public void TakeSlugCheck(HttpContext context) => Take(_slugChecks, context, "Too many slugs checked from this address; try again in an hour.");

    public void Dispose()
    {
        _slugChecks.Dispose();
        _submissions.Dispose();
        _lookups.Dispose();
    }

    private static void Take(PartitionedRateLimiter<string> limiter, HttpContext context, string refusal)
    {
        var tenant = context.RequestServices.GetRequiredService<TenantContext>().TenantId;
        using var lease = limiter.AttemptAcquire($"{tenant}:{context.Connection.RemoteIpAddress}");
        if (!lease.IsAcquired)
        {
            throw new DomainException(ErrorCode.RateLimited, refusal);
        }
    }

    private static PartitionedRateLimiter<string> PerHour(int permits) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = Window,
            QueueLimit = 0,
        }));
}
