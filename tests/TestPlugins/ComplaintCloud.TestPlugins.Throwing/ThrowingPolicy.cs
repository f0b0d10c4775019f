using ComplaintCloud.Plugins.Abstractions;

namespace ComplaintCloud.TestPlugins;

/// <summary>Fails every grading with an exception.</summary>
public sealed class ThrowingPolicy() : TestPolicy("test-throwing")
{
    public override GradeDecision Grade(ComplaintFacts facts, PolicySettings settings) =>
        throw new InvalidOperationException("This test policy always throws.");
}
