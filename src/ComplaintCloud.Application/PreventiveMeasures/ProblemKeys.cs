using ComplaintCloud.Domain.PreventiveMeasures;

namespace ComplaintCloud.Application.PreventiveMeasures;

/// <summary>A complaint's key for a kind of problem, in SQL over <c>complaints c</c>, as the report ranks problems.</summary>
public static class ProblemKeys
{
    /// <summary>The category, or the deepest of the 5 Whys as the root cause.</summary>
    public static string Sql(ProblemKind kind) => kind == ProblemKind.Category ? "c.category" : "c.root_cause[cardinality(c.root_cause)]";

    /// <summary>The same chosen per row by a <c>problem_kind</c> column of <c>preventive_measures m</c>.</summary>
    public static readonly string ByMeasure =
        $"CASE m.problem_kind WHEN '{ProblemKind.Category}' THEN {Sql(ProblemKind.Category)} ELSE {Sql(ProblemKind.RootCause)} END";
}
