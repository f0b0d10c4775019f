using System.Collections.Frozen;
using ComplaintCloud.Application.Complaints.Queries;
using GraphQL;
using GraphQLParser.AST;

namespace ComplaintCloud.Api.GraphQL.Types;

/// <summary>
/// Which parts of a complaint the nodes of a <c>complaints</c> connection select, so that a page loads only the child
/// rows the query reads: a list of numbers and statuses is one statement, not five.
/// </summary>
public static class ComplaintSelection
{
    // Fields answered from the complaint's own row, or by a loader or query of their own.
    private static readonly FrozenSet<string> RowFields = FrozenSet.ToFrozenSet(
    [
        "__typename", "id", "number", "status", "kind", "channel", "category", "description", "request", "amountInvolved", "receivedAt",
        "firstResponseSeconds", "grade", "policyId", "policyVersion", "customer", "facts", "history", "emergencyTeam", "ownerId", "owner",
        "handlers", "urgency", "duplicateOf", "rootCause", "responsibility", "remedyOptions", "analysisReport", "callback", "escalatedTo",
        "reopenCount", "resolvedAt", "archivedAt",
    ]);

    private static readonly FrozenSet<string> ClockFields = FrozenSet.ToFrozenSet(["clocks", "nearestClock"]);

    /// <summary>The parts read under <c>nodes</c> and <c>edges { node }</c>; any field not known here loads them all.</summary>
    public static ComplaintParts OfConnection(IResolveFieldContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var parts = ComplaintParts.Row;
        foreach (var field in Fields(connection.FieldAst.SelectionSet, connection.Document))
        {
            switch (field.Name.StringValue)
            {
                case "nodes":
                    parts |= OfComplaint(field.SelectionSet, connection.Document);
                    break;
                case "edges":
                    foreach (var node in Fields(field.SelectionSet, connection.Document).Where(f => f.Name.StringValue == "node"))
                    {
                        parts |= OfComplaint(node.SelectionSet, connection.Document);
                    }

                    break;
            }
        }

        return parts;
    }

    private static ComplaintParts OfComplaint(GraphQLSelectionSet? selection, GraphQLDocument document)
    {
        var parts = ComplaintParts.Row;
        foreach (var name in Fields(selection, document).Select(f => f.Name.StringValue))
        {
            parts |= RowFields.Contains(name) ? ComplaintParts.Row : ClockFields.Contains(name) ? ComplaintParts.Clocks : ComplaintParts.All;
        }

        return parts;
    }

    // The fields of a selection set, those of its fragments included (whatever their directives: loading more is safe).
    private static IEnumerable<GraphQLField> Fields(GraphQLSelectionSet? selection, GraphQLDocument document)
    {
        foreach (var item in selection?.Selections ?? [])
        {
            var nested = item switch
            {
                GraphQLField field => [field],
                GraphQLInlineFragment inline => Fields(inline.SelectionSet, document),
                GraphQLFragmentSpread spread => Fields(document.Definitions.OfType<GraphQLFragmentDefinition>()
                    .FirstOrDefault(f => f.FragmentName.Name.StringValue == spread.FragmentName.Name.StringValue)?.SelectionSet, document),
                _ => [],
            };
            foreach (var field in nested)
            {
                yield return field;
            }
        }
    }
}
