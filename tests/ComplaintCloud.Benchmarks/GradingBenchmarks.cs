using BenchmarkDotNet.Attributes;
using ComplaintCloud.Domain.Calendars;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Plugins.Abstractions;
using ComplaintCloud.Policies.GasStation;
using ComplaintCloud.Policies.GeneralEnterprise;
using ComplaintCloud.Policies.Winery;
using NodaTime;

namespace ComplaintCloud.Benchmarks;

/// <summary>
/// What intake spends in the policy per complaint: the grade and the clocks that start at receipt, planned on the
/// China mainland calendar. Target: at most 5 µs and 1 KB allocated per complaint.
/// </summary>
[MemoryDiagnoser]
public class GradingBenchmarks
{
    private static readonly Dictionary<string, IComplaintPolicy> Policies = new IComplaintPolicy[]
    {
        new GeneralEnterprisePolicy(), new WineryPolicy(), new GasStationPolicy(),
    }.ToDictionary(p => p.Descriptor.Id);

    // An upset customer, 800 yuan at stake, on a Wednesday morning in Shanghai: business-time and wall-clock clocks both.
    private static readonly ComplaintFacts Facts = new(
        FeedbackKind.Complaint, Channel.Phone, "product/quality", 800m, 1, false, false, false,
        CustomerTier.Normal, CustomerEmotion.Upset, new Dictionary<string, string>());

    private static readonly Instant ReceivedAt = Instant.FromUtc(2026, 3, 4, 2, 30);

    private IComplaintPolicy _policy = null!;
    private PolicySettings _settings = null!;
    private BusinessCalendar _calendar = null!;

    [ParamsSource(nameof(PolicyIds))]
    public string PolicyId { get; set; } = "";

    public static IEnumerable<string> PolicyIds => Policies.Keys;

    [GlobalSetup]
    public void Setup()
    {
        _policy = Policies[PolicyId];
        _settings = PolicySettings.Defaults(_policy.Descriptor);
        _calendar = TenantCalendars.For(Tenant.DefaultTimeZone, TenantCalendarSettings.DefaultFor(Tenant.DefaultTimeZone));
    }

    [Benchmark]
    public PolicyVerdict Decide() => Grading.Decide(_policy, _settings, Facts, _calendar, ReceivedAt);
}
