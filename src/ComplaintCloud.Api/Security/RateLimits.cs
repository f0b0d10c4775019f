using System.Globalization;
using System.Threading.RateLimiting;
using ComplaintCloud.Api.Tenancy;
using ComplaintCloud.Infrastructure.Tenancy;

namespace ComplaintCloud.Api.Security;

/// <summary>
/// Requests per minute per client IP and per tenant (RateLimits:PerIpPerMinute, RateLimits:PerTenantPerMinute);
/// one noisy caller cannot starve the others. Refusals are 429 with a GraphQL-shaped RATE_LIMITED error and
/// Retry-After. Runs after tenant resolution, so the tenant is known.
/// </summary>
public static class RateLimits
{
    public const int DefaultPerIpPerMinute = 600;
    public const int DefaultPerTenantPerMinute = 1_200;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddComplaintCloudRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perIp = configuration.GetValue("RateLimits:PerIpPerMinute", DefaultPerIpPerMinute);
        var perTenant = configuration.GetValue("RateLimits:PerTenantPerMinute", DefaultPerTenantPerMinute);
        services.AddSingleton<PublicPageLimits>();
        return services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    Fixed("ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), perIp)),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    context.RequestServices.GetRequiredService<TenantContext>().TenantId is { } tenant
                        ? Fixed("tenant:" + tenant.ToString(), perTenant)
                        : RateLimitPartition.GetNoLimiter("anonymous")));
            options.OnRejected = (rejected, _) =>
            {
                rejected.HttpContext.Response.Headers.RetryAfter = Window.TotalSeconds.ToString(CultureInfo.InvariantCulture);
                return new ValueTask(PipelineErrors.WriteAsync(
                    rejected.HttpContext, StatusCodes.Status429TooManyRequests, "RATE_LIMITED", "Too many requests; try again in a minute."));
            };
        });
    }

    private static RateLimitPartition<string> Fixed(string key, int permitsPerMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitsPerMinute,
            Window = Window,
            QueueLimit = 0,
        });
}
