using ComplaintCloud.Plugins.Abstractions;

namespace ComplaintCloud.TestPlugins;

/// <summary>Answers with a grade its descriptor does not declare.</summary>
public sealed class UnknownGradePolicy() : TestPolicy("test-unknown-grade")
{
    public override GradeDecision Grade(ComplaintFacts facts, PolicySettings settings) => new("NO_SUCH_GRADE", "made up");
}
