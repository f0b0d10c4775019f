using System.Text.RegularExpressions;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Tests;

namespace ComplaintCloud.UnitTests.Complaints;

/// <summary>The Mermaid state diagram of docs/lifecycle.md names exactly the states of <see cref="ComplaintStatus"/>.</summary>
public sealed partial class LifecycleDiagramShould
{
    [Fact]
    public void Name_every_complaint_status()
    {
        var missing = Statuses().Except(DiagramStates());

        Assert.Empty(missing);
    }

    [Fact]
    public void Name_no_state_the_code_does_not_have()
    {
        var unknown = DiagramStates().Except(Statuses());

        Assert.Empty(unknown);
    }

    // GraphQL's names: ResponsibilityDecided is RESPONSIBILITY_DECIDED.
    private static IEnumerable<string> Statuses() =>
        Enum.GetNames<ComplaintStatus>().Select(name => WordStart().Replace(name, "_$1").ToUpperInvariant());

    private static HashSet<string> DiagramStates()
    {
        var section = File.ReadAllText(Path.Combine(Checkout.Root(), "docs", "lifecycle.md"));
        var start = section.IndexOf("```mermaid", StringComparison.Ordinal);
        var diagram = section[start..section.IndexOf("```", start + 3, StringComparison.Ordinal)];
        return [.. Transition().Matches(diagram).SelectMany(m => new[] { m.Groups["from"].Value, m.Groups["to"].Value })
            .Where(state => StateName().IsMatch(state))];
    }

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex WordStart();

    [GeneratedRegex(@"^\s*(?<from>\S+)\s*-->\s*(?<to>[^\s:]+)", RegexOptions.Multiline)]
    private static partial Regex Transition();

    // States are SCREAMING_CASE; [*] and the composite "Open" are not statuses.
    [GeneratedRegex("^[A-Z][A-Z_]+$")]
    private static partial Regex StateName();
}
