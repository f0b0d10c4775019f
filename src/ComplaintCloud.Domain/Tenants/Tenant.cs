using System.Text.RegularExpressions;
using ComplaintCloud.Domain.Calendars;
using NodaTime;

namespace ComplaintCloud.Domain.Tenants;

/// <summary>A company running its complaint desk on ComplaintCloud.</summary>
public sealed partial class Tenant
{
    public const string DefaultTimeZone = "Asia/Shanghai";

    private Tenant()
    {
        Slug = string.Empty;
        Name = string.Empty;
        TimeZone = DefaultTimeZone;
        Policy = null!;
    }

    public Guid Id { get; private set; }

    /// <summary>URL-safe name used in X-Tenant and sub-domains, e.g. "acme-wine".</summary>
    public string Slug { get; private set; }
    public string Name { get; private set; }
    public TenantPolicy Policy { get; private set; }

    /// <summary>IANA time zone of the tenant's business calendar.</summary>
    public string TimeZone { get; private set; }
    public Instant CreatedAt { get; private set; }

    /// <summary>Set by a platform operator: the tenant can still read and log in, but changes nothing.</summary>
    public Instant? SuspendedAt { get; private set; }

    public static Tenant SignUp(string name, string slug, TenantPolicy policy, string timeZone, Instant now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            throw new DomainException(ErrorCode.BadUserInput, "The company name must have 1 to 200 characters.", "input.companyName");
        }

        if (!SlugPattern().IsMatch(slug))
        {
            throw new DomainException(ErrorCode.BadUserInput, "The slug must be 3 to 40 lower-case letters, digits or dashes, starting with a letter.", "input.slug");
        }

        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone) is null)
        {
            throw new DomainException(ErrorCode.BadUserInput, $"'{timeZone}' is not an IANA time zone.", "input.timeZone");
        }

        return new Tenant
        {
            Id = Guid.CreateVersion7(),
            Slug = slug,
            Name = name.Trim(),
            Policy = policy,
            TimeZone = timeZone,
            CreatedAt = now,
        };
    }

    public void SelectPolicy(TenantPolicy policy) => Policy = policy;

    public BusinessCalendar Calendar() => TenantCalendars.For(TimeZone);

    [GeneratedRegex("^[a-z][a-z0-9-]{2,39}$")]
    private static partial Regex SlugPattern();
}

/// <summary>The policy a tenant runs on, pinned to a version, with its tuned settings.</summary>
public sealed record TenantPolicy(string PolicyId, string Version, IReadOnlyDictionary<string, string> Settings);
