using ComplaintCloud.Plugins.Abstractions;

namespace ComplaintCloud.TestPlugins;

/// <summary>
/// A minimal well-formed policy, two grades and one clock, that each test plugin breaks in one way. Its version is the
/// assembly's, so one source built as two versions describes itself as each.
/// </summary>
public abstract class TestPolicy : IComplaintPolicy
{
    public const string Low = "LOW";
    public const string High = "HIGH";
    private const string Agent = "AGENT";

    protected TestPolicy(string id)
    {
        var version = GetType().Assembly.GetName().Version!;
        Descriptor = new(
            id,
            $"{version.Major}.{version.Minor}.{version.Build}",
            new("Test policy " + id, "测试策略 " + id),
            [new(Low, new("Low", "低"), 1), new(High, new("High", "高"), 2)],
            [new(Agent, new("Agent", "客服"))],
            ["product/other"],
            []);
    }

    public PolicyDescriptor Descriptor { get; }

    public virtual GradeDecision Grade(ComplaintFacts facts, PolicySettings settings) =>
        new(facts.SafetyRisk ? High : Low, $"graded by {Descriptor.Id} {Descriptor.Version}");

    public IReadOnlyList<ClockRule> Clocks(string gradeCode, ComplaintFacts facts, PolicySettings settings) =>
        [new("RESOLVE", Duration.Hours(gradeCode == High ? 4 : 24), ClockStart.Received)];

    public ApprovalRule Approval(string gradeCode, ComplaintFacts facts, PolicySettings settings) => new([Agent]);

    public RoleAuthority Authority(string roleCode, PolicySettings settings) => new(Agent, 0, null, []);

    public IReadOnlyList<EscalationStep> Escalation(string gradeCode, EscalationTrigger trigger, ComplaintFacts facts, PolicySettings settings) =>
        [new(EscalationAction.Notify, Agent)];

    public IReadOnlyList<PenaltyRule> Penalties(string gradeCode, PenaltyOccasion occasion, PolicySettings settings) => [];

    public CallbackRule Callback(FeedbackKind kind, Channel channel, PolicySettings settings) => new(Duration.Hours(24), Agent, false);
}
