using ComplaintCloud.Plugins.Abstractions;

namespace ComplaintCloud.Policies.Tests;

/// <summary>Facts the rule tests start from and change one thing at a time.</summary>
internal static class Sample
{
    /// <summary>One calm customer on the phone, nothing at stake, no risk.</summary>
    public static ComplaintFacts Complaint { get; } = new(
        FeedbackKind.Complaint,
        Channel.Phone,
        "product/malfunction",
        AmountInvolved: null,
        AffectedCustomers: 1,
        SafetyRisk: false,
        LegalRisk: false,
        PublicityRisk: false,
        CustomerTier.Normal,
        CustomerEmotion.Calm,
        new Dictionary<string, string>());

    /// <summary>The policy's defaults with some values changed, as a tenant would tune them.</summary>
    public static PolicySettings Tuned(IComplaintPolicy policy, params (string Key, string Value)[] changes)
    {
        var values = PolicySettings.Defaults(policy.Descriptor).Values.ToDictionary();
        foreach (var (key, value) in changes)
        {
            Assert.True(values.ContainsKey(key), $"'{key}' is not a setting of {policy.Descriptor.Id}");
            values[key] = value;
        }

        return new(values);
    }

    /// <summary>The one clock of a kind.</summary>
    public static ClockRule Clock(this IReadOnlyList<ClockRule> clocks, string kind) => Assert.Single(clocks, c => c.Kind == kind);
}
