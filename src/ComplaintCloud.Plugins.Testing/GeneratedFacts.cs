using System.Globalization;
using ComplaintCloud.Plugins.Abstractions;

namespace ComplaintCloud.Plugins.Testing;

/// <summary>
/// A deterministic spread of complaint facts for a policy: every enum value, every risk flag combination,
/// amounts and customer counts on both sides of the policy's own numeric defaults, every declared category
/// plus unknown ones, and well- and ill-formed attributes.
/// </summary>
public static class GeneratedFacts
{
    private static readonly FeedbackKind[] Kinds = Enum.GetValues<FeedbackKind>();
    private static readonly Channel[] Channels = Enum.GetValues<Channel>();
    private static readonly CustomerTier[] Tiers = Enum.GetValues<CustomerTier>();
    private static readonly CustomerEmotion[] Emotions = Enum.GetValues<CustomerEmotion>();

    private static readonly IReadOnlyDictionary<string, string>[] AttributeSets =
    [
        new Dictionary<string, string>(),
        new Dictionary<string, string> { ["coreFunctionAffected"] = "true" },
        new Dictionary<string, string> { ["coreFunctionAffected"] = "false" },
        new Dictionary<string, string> { ["coreFunctionAffected"] = "not a boolean", ["unknown"] = "" },
    ];

    private static readonly decimal[] FixedAmounts = [0m, 0.01m, 1m, 1_000_000_000m];
    private static readonly int[] FixedCustomerCounts = [1, 2, 3, 10, 100, 100_000];

    /// <summary>The facts to try <paramref name="descriptor"/>'s policy on.</summary>
    public static IReadOnlyList<ComplaintFacts> For(PolicyDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var amounts = Amounts(descriptor);
        var counts = CustomerCounts(descriptor);
        string[] categories = [.. descriptor.Categories, "", "other/unknown", .. descriptor.Categories.Take(1).Select(c => c.ToUpperInvariant())];
        var flagSets = Enumerable.Range(0, 8).Select(bits => (Safety: (bits & 1) != 0, Legal: (bits & 2) != 0, Publicity: (bits & 4) != 0)).ToArray();

        var facts = new List<ComplaintFacts>();

        // Every combination of the enums and risk flags, with the numbers and categories rotating through.
        var i = 0;
        foreach (var kind in Kinds)
        {
            foreach (var channel in Channels)
            {
                foreach (var tier in Tiers)
                {
                    foreach (var emotion in Emotions)
                    {
                        foreach (var flags in flagSets)
                        {
                            facts.Add(new(kind, channel, categories[(i * 5) % categories.Length], amounts[i % amounts.Length],
                                counts[(i * 3) % counts.Length], flags.Safety, flags.Legal, flags.Publicity, tier, emotion,
                                AttributeSets[(i + (i / 4)) % AttributeSets.Length]));
                            i++;
                        }
                    }
                }
            }
        }

        // Every combination of the numbers, risk flags and attributes, with the enums and categories rotating through.
        foreach (var amount in amounts)
        {
            foreach (var count in counts)
            {
                foreach (var flags in flagSets)
                {
                    foreach (var attributes in AttributeSets)
                    {
                        facts.Add(new(Kinds[i % Kinds.Length], Channels[(i / 3) % Channels.Length], categories[i % categories.Length],
                            amount, count, flags.Safety, flags.Legal, flags.Publicity, Tiers[(i / 5) % Tiers.Length],
                            Emotions[(i / 7) % Emotions.Length], attributes));
                        i++;
                    }
                }
            }
        }

        return facts;
    }

    // No amount, zero, cents, huge, and each number default with a cent either side: where thresholds bite.
    private static decimal?[] Amounts(PolicyDescriptor descriptor)
    {
        var defaults = descriptor.Settings
            .Where(s => s.Kind == SettingKind.Number)
            .Select(s => decimal.TryParse(s.DefaultValue, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : 0m)
            .SelectMany(value => new[] { value - 0.01m, value, value + 0.01m });
        return [null, .. FixedAmounts.Concat(defaults).Where(a => a >= 0).Distinct().Order()];
    }

    // One customer (the usual, and the host's "unknown"), a handful, many, and each whole-number default either side.
    private static int[] CustomerCounts(PolicyDescriptor descriptor)
    {
        var defaults = descriptor.Settings
            .Where(s => s.Kind == SettingKind.WholeNumber)
            .Select(s => int.TryParse(s.DefaultValue, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 1)
            .SelectMany(value => new[] { value - 1, value, value + 1 });
        return [.. FixedCustomerCounts.Concat(defaults).Where(c => c >= 1).Distinct().Order()];
    }
}
