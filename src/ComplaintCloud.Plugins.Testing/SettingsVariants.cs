using System.Globalization;
using ComplaintCloud.Plugins.Abstractions;

namespace ComplaintCloud.Plugins.Testing;

/// <summary>
/// Settings a tenant could save: the defaults, and every number at its minimum or at its maximum at once.
/// The host validates each setting alone, so a policy must cope with any mix of valid values, even odd ones
/// such as a lower threshold above a higher one.
/// </summary>
public static class SettingsVariants
{
    /// <summary>Named variants of <paramref name="descriptor"/>'s settings.</summary>
    public static IReadOnlyList<(string Name, PolicySettings Settings)> For(PolicyDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return
        [
            ("defaults", PolicySettings.Defaults(descriptor)),
            ("every number at its minimum", WithNumbers(descriptor, s => s.Minimum)),
            ("every number at its maximum", WithNumbers(descriptor, s => s.Maximum)),
        ];
    }

    private static PolicySettings WithNumbers(PolicyDescriptor descriptor, Func<SettingDescriptor, decimal?> pick) =>
        new(descriptor.Settings.ToDictionary(s => s.Key, s => (s.Kind, pick(s)) switch
        {
            (SettingKind.Number, decimal value) => value.ToString(CultureInfo.InvariantCulture),
            (SettingKind.WholeNumber, decimal value) => decimal.ToInt32(Math.Clamp(decimal.Truncate(value), int.MinValue, int.MaxValue)).ToString(CultureInfo.InvariantCulture),
            _ => s.DefaultValue,
        }));
}
