using System.Globalization;
using ComplaintCloud.Plugins.Abstractions;

namespace ComplaintCloud.Domain.Tenants;

/// <summary>Checks a tenant's settings against what the policy declares, and fills in the defaults.</summary>
public static class PolicySettingsValidation
{
    /// <param name="descriptor">The policy's descriptor.</param>
    /// <param name="provided">Values written invariantly ("5000", "true"); null means "use the default".</param>
    public static Dictionary<string, string> Complete(PolicyDescriptor descriptor, IReadOnlyDictionary<string, string?> provided)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(provided);
        var declared = descriptor.Settings.ToDictionary(s => s.Key);
        var unknown = provided.Keys.FirstOrDefault(key => !declared.ContainsKey(key));
        if (unknown is not null)
        {
            throw Invalid(unknown, $"The policy {descriptor.Id} has no setting '{unknown}'.");
        }

        var settings = new Dictionary<string, string>();
        foreach (var setting in descriptor.Settings)
        {
            var value = provided.GetValueOrDefault(setting.Key) ?? setting.DefaultValue;
            Check(setting, value);
            settings[setting.Key] = value;
        }

        return settings;
    }

    private static void Check(SettingDescriptor setting, string value)
    {
        switch (setting.Kind)
        {
            case SettingKind.Boolean when !bool.TryParse(value, out _):
                throw Invalid(setting.Key, $"'{setting.Key}' must be true or false.");
            case SettingKind.WholeNumber when !int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _):
                throw Invalid(setting.Key, $"'{setting.Key}' must be a whole number.");
            case SettingKind.Number or SettingKind.WholeNumber:
                if (!decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
                {
                    throw Invalid(setting.Key, $"'{setting.Key}' must be a number.");
                }

                if (number < setting.Minimum || number > setting.Maximum)
                {
                    throw Invalid(setting.Key, $"'{setting.Key}' must be between {setting.Minimum?.ToString(CultureInfo.InvariantCulture) ?? "-∞"} and {setting.Maximum?.ToString(CultureInfo.InvariantCulture) ?? "∞"}.");
                }

                break;
            case SettingKind.Text when value.Length > 1000:
                throw Invalid(setting.Key, $"'{setting.Key}' must be at most 1000 characters.");
        }
    }

    private static DomainException Invalid(string key, string message) =>
        new(ErrorCode.BadUserInput, message, $"input.settings.{key}");
}
