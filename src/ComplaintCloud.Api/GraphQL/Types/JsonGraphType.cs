using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using ComplaintCloud.Domain;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ComplaintCloud.Api.GraphQL.Types;

/// <summary>The JSON scalar: any JSON value, used for policy settings, attributes and event details.</summary>
public sealed class JsonGraphType : ScalarGraphType
{
    public JsonGraphType()
    {
        Name = "JSON";
        Description = "Any JSON value.";
    }

    public override object? ParseValue(object? value) => value;

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLBooleanValue b => b.BoolValue,
        GraphQLIntValue i => decimal.Parse(i.Value.Span, NumberStyles.Integer, CultureInfo.InvariantCulture),
        GraphQLFloatValue f => decimal.Parse(f.Value.Span, NumberStyles.Float, CultureInfo.InvariantCulture),
        GraphQLStringValue s => (string)s.Value,
        GraphQLEnumValue e => (string)e.Name.Value,
        GraphQLListValue list => list.Values?.Select(ParseLiteral).ToList() ?? [],
        GraphQLObjectValue obj => obj.Fields?.ToDictionary(f => (string)f.Name.Value, f => ParseLiteral(f.Value)) ?? [],
        _ => ThrowLiteralConversionError(value),
    };

    public override object? Serialize(object? value) => value;

    /// <summary>
    /// Reads a JSON object of scalars as invariant strings, the form settings and attributes are stored in;
    /// anything else is BAD_USER_INPUT naming <paramref name="field"/>.
    /// </summary>
    public static Dictionary<string, string?> ToStringMap(object? value, string field)
    {
        if (value is null)
        {
            return [];
        }

        if (value is not IDictionary<string, object?> map)
        {
            throw new DomainException(ErrorCode.BadUserInput, "Expected a JSON object.", field);
        }

        return map.ToDictionary(pair => pair.Key, pair => pair.Value switch
        {
            null => null,
            string s => s,
            bool b => b ? "true" : "false",
            int or long or decimal or double or float or BigInteger => Convert.ToString(pair.Value, CultureInfo.InvariantCulture),
            _ => throw new DomainException(ErrorCode.BadUserInput, $"'{pair.Key}' must be a string, number or boolean.", $"{field}.{pair.Key}"),
        });
    }

    /// <summary>A JSON scalar's value, as parsed from variables or a literal, written back as JSON text.</summary>
    public static string ToJsonText(object? value) => ToNode(value)?.ToJsonString() ?? "null";

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        IDictionary<string, object?> map => new JsonObject(map.Select(pair => KeyValuePair.Create(pair.Key, ToNode(pair.Value)))),
        IEnumerable<object?> list => new JsonArray([.. list.Select(ToNode)]),
        BigInteger big => JsonNode.Parse(big.ToString(CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(value),
    };
}
