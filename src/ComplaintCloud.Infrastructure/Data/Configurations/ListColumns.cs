using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintCloud.Infrastructure.Data.Configurations;

/// <summary>Read-only lists stored in PostgreSQL arrays (or JSON), compared by content so changes are saved.</summary>
internal static class ListColumns
{
    public static ValueComparer<IReadOnlyList<T>> Comparer<T>() => new(
        (a, b) => a != null && b != null && a.SequenceEqual(b),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        list => list.ToList());

    public static PropertyBuilder<IReadOnlyList<string>> AsTextArray(this PropertyBuilder<IReadOnlyList<string>> property) =>
        property.HasColumnType("text[]").HasConversion(values => values.ToArray(), values => values, Comparer<string>());

    public static PropertyBuilder<IReadOnlyList<T>> AsJsonList<T>(this PropertyBuilder<IReadOnlyList<T>> property, JsonSerializerOptions json) =>
        property.HasColumnType("jsonb").HasConversion(
            list => JsonSerializer.Serialize(list, json),
            text => JsonSerializer.Deserialize<List<T>>(text, json) ?? new List<T>(),
            Comparer<T>());
}
