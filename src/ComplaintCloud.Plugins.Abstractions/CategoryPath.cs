namespace ComplaintCloud.Plugins.Abstractions;

/// <summary>
/// Categories are slash paths in each tenant's tree ("fuel/quality/octane"), and a tenant may add subcategories under
/// a policy's own: a rule a policy states for a category holds for everything below it. Since contract 1.1.
/// </summary>
public static class CategoryPath
{
    /// <summary>
    /// True when <paramref name="category"/> is <paramref name="ancestor"/> or lies below it: "fuel/quality" covers
    /// "fuel/quality/octane", but not "fuel/quality-check" or "product/fuel-quality". Letter case and a trailing slash are ignored.
    /// </summary>
    public static bool IsWithin(string category, string ancestor)
    {
        ArgumentNullException.ThrowIfNull(category);
        ArgumentNullException.ThrowIfNull(ancestor);
        // "safety/" is read as "safety": custom policies have written prefixes that way.
        var node = ancestor.AsSpan().TrimEnd('/');
        return category.AsSpan().StartsWith(node, StringComparison.OrdinalIgnoreCase)
            && (category.Length == node.Length || category[node.Length] == '/');
    }
}
