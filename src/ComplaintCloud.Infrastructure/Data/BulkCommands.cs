using System.Collections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace ComplaintCloud.Infrastructure.Data;

/// <summary>
/// Set-based writes for the hot path of SLA handling: one <c>INSERT … SELECT FROM unnest(arrays)</c> (or
/// <c>UPDATE … FROM unnest</c>) per table instead of one statement per row, which is what EF Core's SaveChanges sends.
/// Tables, columns, types and value conversions are read from the EF Core model, so the SQL cannot drift from it.
/// Row-level security checks every row as it would for SaveChanges.
/// </summary>
public static class BulkCommands
{
    /// <summary>Inserts <paramref name="rows"/>; identity columns are left to the database.</summary>
    public static NpgsqlBatchCommand Insert<T>(DbContext db, IReadOnlyList<T> rows) where T : class
    {
        var (table, columns) = Describe<T>(db, p => p.GetValueGenerationStrategy() == NpgsqlValueGenerationStrategy.None);
        var command = new NpgsqlBatchCommand(
            $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) " +
            $"SELECT * FROM unnest({string.Join(", ", columns.Select((c, i) => $"@p{i}::{c.StoreType}[]"))})");
        AddArrays(command, columns, rows);
        return command;
    }

    /// <summary>Writes every column of <paramref name="rows"/>, found by primary key.</summary>
    public static NpgsqlBatchCommand Update<T>(DbContext db, IReadOnlyList<T> rows) where T : class
    {
        var (table, columns) = Describe<T>(db, _ => true);
        var keys = columns.Where(c => c.Property.IsPrimaryKey()).ToList();
        var command = new NpgsqlBatchCommand(
            $"UPDATE {table} AS t SET {string.Join(", ", columns.Except(keys).Select(c => $"{c.Name} = u.{c.Name}"))} " +
            $"FROM unnest({string.Join(", ", columns.Select((c, i) => $"@p{i}::{c.StoreType}[]"))}) " +
            $"AS u({string.Join(", ", columns.Select(c => c.Name))}) " +
            $"WHERE {string.Join(" AND ", keys.Select(k => $"t.{k.Name} = u.{k.Name}"))}");
        AddArrays(command, columns, rows);
        return command;
    }

    private static (string Table, List<Column> Columns) Describe<T>(DbContext db, Func<IProperty, bool> include)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(include)
            .Select(p => new Column(p, Quote(p.GetColumnName(table)!), p.GetColumnType()))
            .ToList();
        return (Quote(table.Name), columns);
    }

    // One array parameter per column, of the provider's type (an enum stored as text becomes a string[]).
    private static void AddArrays<T>(NpgsqlBatchCommand command, List<Column> columns, IReadOnlyList<T> rows) where T : class
    {
        for (var i = 0; i < columns.Count; i++)
        {
            var property = columns[i].Property;
            var getter = property.GetGetter();
            var converter = property.GetTypeMapping().Converter;
            var values = Array.CreateInstance(ElementType(converter?.ProviderClrType ?? property.ClrType, property.IsNullable), rows.Count);
            for (var row = 0; row < rows.Count; row++)
            {
                var value = getter.GetClrValueUsingContainingEntity(rows[row]);
                ((IList)values)[row] = value is null || converter is null ? value : converter.ConvertToProvider(value);
            }

            command.Parameters.Add(new NpgsqlParameter($"p{i}", values));
        }
    }

    private static Type ElementType(Type type, bool nullable) =>
        nullable && type.IsValueType && Nullable.GetUnderlyingType(type) is null ? typeof(Nullable<>).MakeGenericType(type) : type;

    private static string Quote(string identifier) => $"\"{identifier}\"";

    private sealed record Column(IProperty Property, string Name, string StoreType);
}
