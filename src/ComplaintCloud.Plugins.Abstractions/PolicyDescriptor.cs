namespace ComplaintCloud.Plugins.Abstractions;

/// <summary>Describes a policy: what it is called and what it grades, names and lets tenants tune.</summary>
/// <param name="Id">Stable id, lower-case with dashes, e.g. "winery".</param>
/// <param name="Version">Semantic version of the policy.</param>
/// <param name="Name">Bilingual name.</param>
/// <param name="Grades">Grades from least to most severe.</param>
/// <param name="Roles">Roles the policy names as approvers, escalation targets or penalty holders.</param>
/// <param name="Categories">Complaint categories the policy knows, e.g. "product/malfunction".</param>
/// <param name="Settings">Settings a tenant may tune, with their defaults.</param>
public sealed record PolicyDescriptor(
    string Id,
    string Version,
    LocalizedText Name,
    IReadOnlyList<GradeDescriptor> Grades,
    IReadOnlyList<RoleDescriptor> Roles,
    IReadOnlyList<string> Categories,
    IReadOnlyList<SettingDescriptor> Settings)
{
    /// <summary>
    /// Bilingual names of the <see cref="Categories"/> and of their parents ("fuel" for "fuel/quality"), which seed
    /// each tenant's category tree; one without a name is named by its code. Since contract 1.1.
    /// </summary>
    public IReadOnlyDictionary<string, LocalizedText> CategoryNames { get; init; } = new Dictionary<string, LocalizedText>();
}

/// <summary>A grade a policy can give.</summary>
/// <param name="Code">SCREAMING_CASE code, e.g. "MAJOR".</param>
/// <param name="Name">Bilingual name.</param>
/// <param name="Rank">Severity: higher is more severe; ranks are distinct.</param>
public sealed record GradeDescriptor(string Code, LocalizedText Name, int Rank);

/// <summary>A role the policy names.</summary>
/// <param name="Code">Code, e.g. "CS_SUPERVISOR".</param>
/// <param name="Name">Bilingual name.</param>
public sealed record RoleDescriptor(string Code, LocalizedText Name);

/// <summary>A setting a tenant may tune.</summary>
/// <param name="Key">Key, camelCase, e.g. "seriousAmountThreshold".</param>
/// <param name="Name">Bilingual name.</param>
/// <param name="Kind">The kind of value.</param>
/// <param name="DefaultValue">Default, written invariantly ("5000", "true", "CS_SUPERVISOR").</param>
/// <param name="Minimum">Smallest allowed number, for numbers.</param>
/// <param name="Maximum">Largest allowed number, for numbers.</param>
public sealed record SettingDescriptor(
    string Key,
    LocalizedText Name,
    SettingKind Kind,
    string DefaultValue,
    decimal? Minimum = null,
    decimal? Maximum = null);

/// <summary>The kind of a setting's value.</summary>
public enum SettingKind
{
    /// <summary>A decimal number.</summary>
    Number,
    /// <summary>A whole number.</summary>
    WholeNumber,
    /// <summary>true or false.</summary>
    Boolean,
    /// <summary>Free text.</summary>
    Text,
}
