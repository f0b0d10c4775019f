using System.Collections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace ComplaintCloud.Infrastructure.Data;

/// <summary>
/// A set-based write for the hot path of SLA handling: one statement whose data-modifying <c>WITH</c> clauses each
/// write a table from arrays (<c>INSERT … SELECT FROM unnest</c>, <c>UPDATE … FROM unnest</c>), instead of one
/// statement per row as EF Core's SaveChanges sends, or one per table. Tables, columns, types and value conversions are
/// read from the EF Core model, so the SQL cannot drift from it. Row-level security checks every row as it would for
/// SaveChanges.
/// </summary>
public sealed class BulkWrite(DbContext db)
{
    private readonly List<string> _clauses = [];
    private readonly List<NpgsqlParameter> _parameters = [];

    /// <summary>Inserts <paramref name="rows"/>; identity columns are left to the database.</summary>
    public BulkWrite Insert<T>(IReadOnlyList<T> rows) where T : class
    {
        var (table, columns) = Describe<T>(p => p.GetValueGenerationStrategy() == NpgsqlValueGenerationStrategy.None);
        _clauses.Add(
            $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) " +
            $"SELECT * FROM unnest({Arrays(columns, rows)})");
        return this;
    }

    /// <summary>Writes the columns of <paramref name="properties"/> — every column when none are named — of
    /// <paramref name="rows"/>, found by primary key.</summary>
    public BulkWrite Update<T>(IReadOnlyList<T> rows, params string[] properties) where T : class
    {
        var (table, columns) = Describe<T>(p => properties.Length == 0 || p.IsPrimaryKey() || properties.Contains(p.Name));
        var keys = columns.Where(c => c.Property.IsPrimaryKey()).ToList();
        _clauses.Add(
            $"UPDATE {table} AS t SET {string.Join(", ", columns.Except(keys).Select(c => $"{c.Name} = u.{c.Name}"))} " +
            $"FROM unnest({Arrays(columns, rows)}) AS u({string.Join(", ", columns.Select(c => c.Name))}) " +
            $"WHERE {string.Join(" AND ", keys.Select(k => $"t.{k.Name} = u.{k.Name}"))}");
        return this;
    }

    /// <summary>The statement: every write, then <paramref name="select"/>, whose parameters are named <c>@s0</c>…</summary>
    public NpgsqlCommand ThenSelect(string select, params object[] values)
    {
        var command = new NpgsqlCommand(
            $"WITH {string.Join(", ", _clauses.Select((clause, i) => $"w{i} AS ({clause})"))} {select}");
        command.Parameters.AddRange(_parameters.ToArray());
        command.Parameters.AddRange(values.Select((value, i) => new NpgsqlParameter($"s{i}", value)).ToArray());
        return command;
    }

    private (string Table, List<Column> Columns) Describe<T>(Func<IProperty, bool> include)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(include)
            .Select(p => new Column(p, Quote(p.GetColumnName(table)!), p.GetColumnType()))
            .ToList();
        return (Quote(table.Name), columns);
    }

    // One array parameter per column, of the provider's type (an enum stored as text becomes a string[]), cast to the
    // column's type.
    private string Arrays<T>(List<Column> columns, IReadOnlyList<T> rows) where T : class
    {
        var placeholders = new List<string>(columns.Count);
        foreach (var column in columns)
        {
            var property = column.Property;
            var getter = property.GetGetter();
            var converter = property.GetTypeMapping().Converter;
            var values = Array.CreateInstance(ElementType(converter?.ProviderClrType ?? property.ClrType, property.IsNullable), rows.Count);
            for (var row = 0; row < rows.Count; row++)
            {
                var value = getter.GetClrValueUsingContainingEntity(rows[row]);
                ((IList)values)[row] = value is null || converter is null ? value : converter.ConvertToProvider(value);
            }

            var name = $"p{_parameters.Count}";
            _parameters.Add(new NpgsqlParameter(name, values));
            placeholders.Add($"@{name}::{column.StoreType}[]");
        }

        return string.Join(", ", placeholders);
    }

    private static Type ElementType(Type type, bool nullable) =>
        nullable && type.IsValueType && Nullable.GetUnderlyingType(type) is null ? typeof(Nullable<>).MakeGenericType(type) : type;

    private static string Quote(string identifier) => $"\"{identifier}\"";

    private sealed record Column(IProperty Property, string Name, string StoreType);
}
