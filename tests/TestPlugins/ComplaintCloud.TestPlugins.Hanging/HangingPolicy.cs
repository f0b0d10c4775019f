using ComplaintCloud.Plugins.Abstractions;

namespace ComplaintCloud.TestPlugins;

/// <summary>Never answers a grading: the thread it runs on waits forever.</summary>
public sealed class HangingPolicy() : TestPolicy("test-hanging")
{
    public override GradeDecision Grade(ComplaintFacts facts, PolicySettings settings)
    {
        using var never = new ManualResetEventSlim();
        never.Wait();
        return base.Grade(facts, settings);
    }
}
