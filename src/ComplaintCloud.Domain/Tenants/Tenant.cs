using System.Text.RegularExpressions;
using ComplaintCloud.Domain.Calendars;
using NodaTime;

namespace ComplaintCloud.Domain.Tenants;

/// <summary>A company running its complaint desk on ComplaintCloud.</summary>
public sealed partial class Tenant
{
    public const string DefaultTimeZone = "Asia/Shanghai";

    /// <summary>Custom policy versions kept per tenant: they are read with the tenant on every request.</summary>
    public const int MaxCustomPolicyVersions = 50;

    private Tenant()
    {
        Slug = string.Empty;
        Name = string.Empty;
        TimeZone = DefaultTimeZone;
        Policy = null!;
        CustomPolicies = new Dictionary<string, string>();
    }

    public Guid Id { get; private set; }

    /// <summary>URL-safe name used in X-Tenant and sub-domains, e.g. "acme-wine".</summary>
    public string Slug { get; private set; }
    public string Name { get; private set; }
    public TenantPolicy Policy { get; private set; }

    /// <summary>
    /// When an admin last chose the policy; null while a company that signed up without naming one has not yet
    /// (the sign-up wizard resumes at its policy step until then).
    /// </summary>
    public Instant? PolicyChosenAt { get; private set; }

    /// <summary>IANA time zone of the tenant's business calendar.</summary>
    public string TimeZone { get; private set; }
    public Instant CreatedAt { get; private set; }

    /// <summary>How far back intake looks for an earlier complaint of the same customer (SPEC §2.2).</summary>
    public int DuplicateWindowDays { get; private set; } = DefaultDuplicateWindowDays;

    /// <summary>How long closed complaints are kept; at least two years (seed 001). Nothing is purged before.</summary>
    public int RetentionYears { get; private set; } = MinRetentionYears;

    public const int DefaultDuplicateWindowDays = 30;
    public const int MinRetentionYears = 2;
    /// <summary>The tenant's own declarative policy documents (JSON) by version; a version, once kept, never changes.</summary>
    public IReadOnlyDictionary<string, string> CustomPolicies { get; private set; }
    /// <summary>The business calendar the tenant set; null runs on <see cref="TenantCalendarSettings.DefaultFor"/>.</summary>
    public TenantCalendarSettings? CalendarSettings { get; private set; }
    /// <summary>Set by a platform operator: the tenant can still read and log in, but changes nothing.</summary>
    public Instant? SuspendedAt { get; private set; }

    public static Tenant SignUp(string name, string slug, TenantPolicy policy, string timeZone, Instant now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            throw new DomainException(ErrorCode.BadUserInput, "The company name must have 1 to 200 characters.", "input.companyName");
        }

        if (SlugProblem(slug) is { } problem)
        {
            throw new DomainException(ErrorCode.BadUserInput, problem, "input.slug");
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

    public void SelectPolicy(TenantPolicy policy, Instant now)
    {
        Policy = policy;
        ChoosePolicy(now);
    }

    /// <summary>Records that an admin chose the tenant's current policy.</summary>
    public void ChoosePolicy(Instant now) => PolicyChosenAt = now;

    public void ChangeLifecycleSettings(int duplicateWindowDays, int retentionYears)
    {
        if (duplicateWindowDays is < 1 or > 365)
        {
            throw new DomainException(ErrorCode.BadUserInput, "The duplicate window must be 1 to 365 days.", "input.duplicateWindowDays");
        }

        if (retentionYears is < MinRetentionYears or > 100)
        {
            throw new DomainException(ErrorCode.BadUserInput, $"Complaints are kept {MinRetentionYears} to 100 years.", "input.retentionYears");
        }

        DuplicateWindowDays = duplicateWindowDays;
        RetentionYears = retentionYears;
    }

    /// <summary>
    /// Keeps a checked custom policy document under its version. The same document again changes nothing; another
    /// document under a kept version is a CONFLICT, since complaints graded by that version must stay explainable.
    /// </summary>
    public void KeepCustomPolicy(string version, string document)
    {
        if (CustomPolicies.TryGetValue(version, out var kept))
        {
            if (kept != document)
            {
                throw new DomainException(ErrorCode.Conflict, $"Version {version} of the custom policy was uploaded with other content; give the new document a new version.", "input.document.version");
            }

            return;
        }

        if (CustomPolicies.Count >= MaxCustomPolicyVersions)
        {
            throw new DomainException(ErrorCode.Conflict, $"A tenant keeps at most {MaxCustomPolicyVersions} custom policy versions.", "input.document.version");
        }

        CustomPolicies = new Dictionary<string, string>(CustomPolicies) { [version] = document };
    }

    public TenantCalendarSettings CalendarSettingsInUse() => CalendarSettings ?? TenantCalendarSettings.DefaultFor(TimeZone);

    public BusinessCalendar Calendar() => TenantCalendars.For(TimeZone, CalendarSettingsInUse());

    /// <summary>
    /// Moves the tenant to another zone and calendar, adding every all-day event of <paramref name="ics"/> as a
    /// holiday. The calendar is built before anything changes, so a bad setting (field "input.…") changes nothing.
    /// </summary>
    public void ChangeCalendar(string timeZone, TenantCalendarSettings settings, string? ics)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone) is null)
        {
            throw new DomainException(ErrorCode.BadUserInput, $"'{timeZone}' is not an IANA time zone.", "input.timeZone");
        }

        try
        {
            if (ics is not null)
            {
                settings = settings with { Holidays = [.. settings.Holidays.Union(ICalendarHolidays.Read(ics))] };
            }

            TenantCalendars.For(timeZone, settings);
        }
        catch (DomainException e) when (e.Code == ErrorCode.BadUserInput)
        {
            // The calendar names its own parameters ("hours", "ics"); the client knows them as input fields.
            throw new DomainException(e.Code, e.Message, "input." + e.Field);
        }

        TimeZone = timeZone;
        CalendarSettings = settings;
    }

    /// <summary>
    /// The first path segment of the service's own addresses and the console's pages: a tenant's public pages live at
    /// /{slug}/feedback and /{slug}/track, so a slug may not be one of them.
    /// </summary>
    public static IReadOnlySet<string> ReservedSlugs { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "graphql", "reports", "stripe", "schemas", "healthz", "readyz", "metrics", "inbound", "assets",
        "login", "signup", "register", "approvals", "complaints", "reset-password", "accept-invitation",
        "settings", "policy", "calendar", "users", "billing",
    };

    /// <summary>Why a slug cannot name a tenant, whoever holds it; null when it can.</summary>
    public static string? SlugProblem(string slug)
    {
        ArgumentNullException.ThrowIfNull(slug);
        if (!SlugPattern().IsMatch(slug))
        {
            return "The slug must be 3 to 40 lower-case letters, digits or dashes, starting with a letter.";
        }

        return ReservedSlugs.Contains(slug) ? $"'{slug}' names a page of the service itself; choose another slug." : null;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{2,39}$")]
    private static partial Regex SlugPattern();
}

/// <summary>The policy a tenant runs on, pinned to a version, with its tuned settings.</summary>
public sealed record TenantPolicy(string PolicyId, string Version, IReadOnlyDictionary<string, string> Settings);
