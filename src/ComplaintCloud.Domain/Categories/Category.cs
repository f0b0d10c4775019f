using System.Text.RegularExpressions;
using ComplaintCloud.Domain.Complaints;

namespace ComplaintCloud.Domain.Categories;

/// <summary>
/// A node of a tenant's category tree (SPEC §2.1: product / service / logistics / experience / other, each with
/// subcategories). The code is a slash path, "fuel/quality"; its parent is the code up to the last slash. A category
/// is never deleted, only retired, so complaints filed under it keep a meaning.
/// </summary>
public sealed partial class Category : ITenantOwned
{
    public const int MaxNameLength = 200;

    private Category()
    {
        Code = string.Empty;
        NameZh = string.Empty;
        NameEn = string.Empty;
    }

    public Guid TenantId { get; private set; }
    public string Code { get; private set; }
    public string NameZh { get; private set; }
    public string NameEn { get; private set; }

    /// <summary>Retired categories stay in the tree for old complaints, but intake refuses them.</summary>
    public bool Active { get; private set; }

    public string? ParentCode => ParentOf(Code);

    /// <summary>"a/b/c" → "a/b"; a top-level code has no parent.</summary>
    public static string? ParentOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var slash = code.LastIndexOf('/');
        return slash < 0 ? null : code[..slash];
    }

    /// <summary>The code and every ancestor, root first: "a/b/c" → "a", "a/b", "a/b/c".</summary>
    public static IEnumerable<string> PathOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        for (var slash = code.IndexOf('/', StringComparison.Ordinal); slash >= 0; slash = code.IndexOf('/', slash + 1))
        {
            yield return code[..slash];
        }

        yield return code;
    }

    /// <summary>A tenant admin's new category, or a new name or state for one; field names are the input's.</summary>
    public static Category Create(Guid tenantId, string code, string nameZh, string nameEn, bool active)
    {
        if (code.Length > ComplaintIntake.MaxCategoryLength || !CodePattern().IsMatch(code))
        {
            throw new DomainException(
                ErrorCode.BadUserInput,
                $"A category code is up to {ComplaintIntake.MaxCategoryLength} characters of lower-case segments (letters, digits, dashes) joined by slashes, e.g. \"fuel/quality\".",
                "input.code");
        }

        var category = new Category { TenantId = tenantId, Code = code };
        category.Change(nameZh, nameEn, active);
        return category;
    }

    /// <summary>A category as the tenant's policy declares it: trusted, so its code is kept as the policy spells it.</summary>
    public static Category FromPolicy(Guid tenantId, string code, string nameZh, string nameEn) =>
        new() { TenantId = tenantId, Code = code, NameZh = nameZh, NameEn = nameEn, Active = true };

    public void Change(string nameZh, string nameEn, bool active)
    {
        NameZh = RequireName(nameZh, "input.nameZh");
        NameEn = RequireName(nameEn, "input.nameEn");
        Active = active;
    }

    public string Name(string? locale) =>
        locale is not null && locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? NameZh : NameEn;

    private static string RequireName(string name, string field) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength
            ? throw new DomainException(ErrorCode.BadUserInput, $"Name the category in 1 to {MaxNameLength} characters.", field)
            : name.Trim();

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*$")]
    private static partial Regex CodePattern();
}
