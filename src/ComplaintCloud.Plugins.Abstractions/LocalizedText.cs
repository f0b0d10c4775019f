namespace ComplaintCloud.Plugins.Abstractions;

/// <summary>A label in English and Chinese; every name a plugin shows is bilingual.</summary>
/// <param name="En">English.</param>
/// <param name="Zh">Simplified Chinese.</param>
public sealed record LocalizedText(string En, string Zh)
{
    /// <summary>The Chinese text for a locale starting with "zh", else the English text.</summary>
    public string For(string? locale) =>
        locale is not null && locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Zh : En;
}
