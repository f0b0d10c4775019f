using System.Globalization;

namespace ComplaintCloud.Plugins.Abstractions;

/// <summary>A tenant's settings for a policy, already validated by the host against the descriptor and filled with defaults.</summary>
public sealed class PolicySettings
{
    private readonly IReadOnlyDictionary<string, string> _values;

    /// <summary>Settings from invariantly written values.</summary>
    public PolicySettings(IReadOnlyDictionary<string, string> values) => _values = values;

    /// <summary>The descriptor's defaults.</summary>
    public static PolicySettings Defaults(PolicyDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return new PolicySettings(descriptor.Settings.ToDictionary(s => s.Key, s => s.DefaultValue));
    }

    /// <summary>All values by key.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>A text setting.</summary>
    public string Text(string key) =>
        _values.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"Setting '{key}' is not set.");

    /// <summary>A number setting.</summary>
    public decimal Number(string key) => decimal.Parse(Text(key), NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>A whole-number setting.</summary>
    public int WholeNumber(string key) => int.Parse(Text(key), NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>A true/false setting.</summary>
    public bool Flag(string key) => bool.Parse(Text(key));
}
